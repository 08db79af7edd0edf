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
