package importer

import (
	"errors"
	"fmt"
)

// pbField is one field of a protobuf message: a varint or a byte string
// (length-delimited); fixed-width fields are skipped.
type pbField struct {
	num    int
	varint uint64
	bytes  []byte
	isLen  bool
}

var errPBTruncated = errors.New("truncated protobuf")

// pbFields decodes the top level of a protobuf message. Anki's package
// metadata, media list and note-type configs need nothing more.
func pbFields(b []byte) ([]pbField, error) {
	var out []pbField
	for len(b) > 0 {
		key, n := pbVarint(b)
		if n <= 0 {
			return nil, errPBTruncated
		}
		b = b[n:]
		f := pbField{num: int(key >> 3)}
		switch key & 7 {
		case 0:
			v, n := pbVarint(b)
			if n <= 0 {
				return nil, errPBTruncated
			}
			f.varint, b = v, b[n:]
		case 1:
			if len(b) < 8 {
				return nil, errPBTruncated
			}
			b = b[8:]
		case 2:
			l, n := pbVarint(b)
			if n <= 0 || uint64(len(b)-n) < l {
				return nil, errPBTruncated
			}
			f.bytes, f.isLen, b = b[n:n+int(l)], true, b[n+int(l):]
		case 5:
			if len(b) < 4 {
				return nil, errPBTruncated
			}
			b = b[4:]
		default:
			return nil, fmt.Errorf("protobuf wire type %d not supported", key&7)
		}
		out = append(out, f)
	}
	return out, nil
}

func pbVarint(b []byte) (uint64, int) {
	var v uint64
	for i := 0; i < len(b) && i < 10; i++ {
		v |= uint64(b[i]&0x7f) << (7 * i)
		if b[i] < 0x80 {
			return v, i + 1
		}
	}
	return 0, 0
}

func pbAppendVarint(b []byte, v uint64) []byte {
	for v >= 0x80 {
		b = append(b, byte(v)|0x80)
		v >>= 7
	}
	return append(b, byte(v))
}

// pbAppendBytes appends a length-delimited field.
func pbAppendBytes(b []byte, num int, data []byte) []byte {
	b = pbAppendVarint(b, uint64(num)<<3|2)
	b = pbAppendVarint(b, uint64(len(data)))
	return append(b, data...)
}
