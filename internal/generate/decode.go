package generate

import (
	"errors"
	"fmt"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// Errors a caller may want to tell apart; the messages returned by Generate
// wrap them with the document's name.
var (
	ErrEmpty    = errors.New("no text to make cards from")
	ErrBinary   = errors.New("looks like a binary file, not text")
	ErrEncoding = errors.New("invalid UTF-8")
)

// decodeText turns a document's bytes into UTF-8 text with LF line endings.
// It accepts UTF-8 (with or without a byte order mark), UTF-16 with a byte
// order mark and, when the bytes cannot be UTF-8 but read cleanly as
// Windows-1252/Latin-1, that. Anything else is an error that says where the
// first bad byte is.
func decodeText(data []byte) (string, error) {
	switch {
	case hasPrefix(data, 0xEF, 0xBB, 0xBF):
		data = data[3:]
	case hasPrefix(data, 0xFF, 0xFE):
		return decodeUTF16(data[2:], false)
	case hasPrefix(data, 0xFE, 0xFF):
		return decodeUTF16(data[2:], true)
	}
	if looksBinary(data) {
		return "", ErrBinary
	}
	if utf8.Valid(data) {
		return string(data), nil
	}
	bad, sawMultibyte := firstInvalid(data)
	// A file with well-formed multi-byte sequences and a broken one is damaged
	// UTF-8; reading it as Latin-1 would turn its good characters into mojibake.
	if !sawMultibyte && latin1Plausible(data) {
		return decodeCP1252(data), nil
	}
	line := 1 + strings.Count(string(data[:bad]), "\n")
	return "", fmt.Errorf("%w at byte offset %d (line %d), and not Latin-1 or UTF-16 with a byte order mark either", ErrEncoding, bad, line)
}

func hasPrefix(data []byte, p ...byte) bool {
	if len(data) < len(p) {
		return false
	}
	for i, b := range p {
		if data[i] != b {
			return false
		}
	}
	return true
}

// looksBinary reports NUL bytes, many control characters or a high share
// of bytes that are not UTF-8, the signs of an executable, image or archive.
func looksBinary(data []byte) bool {
	control, invalid := 0, 0
	for i := 0; i < len(data); {
		c := data[i]
		if c == 0 {
			return true
		}
		if c < utf8.RuneSelf {
			if c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != '\v' && c != 0x1b {
				control++
			}
			i++
			continue
		}
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n == 1 {
			invalid++
		}
		i += n
	}
	n := len(data)
	return control*20 > n || invalid*10 > n
}

// firstInvalid returns the offset of the first byte that is not UTF-8 and
// whether a valid multi-byte sequence came before it anywhere in data.
func firstInvalid(data []byte) (int, bool) {
	first, multi := -1, false
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			if first < 0 {
				first = i
			}
		case n > 1:
			multi = true
		}
		i += n
	}
	if first < 0 {
		first = 0
	}
	return first, multi
}

// latin1Plausible accepts single high bytes among ASCII text, rejecting the
// five bytes Windows-1252 leaves undefined and any C0 control character.
func latin1Plausible(data []byte) bool {
	high, letters := 0, 0
	for _, c := range data {
		switch {
		case c == 0x81 || c == 0x8D || c == 0x8F || c == 0x90 || c == 0x9D:
			return false
		case c >= 0x80:
			high++
		case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z':
			letters++
		}
	}
	// Text in a Latin script is mostly ASCII letters with some accents.
	return high <= letters
}

// cp1252 maps the bytes 0x80–0x9F of Windows-1252, the usual "Latin-1" of
// files saved on Windows; the rest of the range is ISO 8859-1.
var cp1252 = [32]rune{
	'€', 0x81, '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', 0x8D, 'Ž', 0x8F,
	0x90, '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', 0x9D, 'ž', 'Ÿ',
}

func decodeCP1252(data []byte) string {
	var b strings.Builder
	b.Grow(len(data) + len(data)/8)
	for _, c := range data {
		switch {
		case c < 0x80:
			b.WriteByte(c)
		case c < 0xA0:
			b.WriteRune(cp1252[c-0x80])
		default:
			b.WriteRune(rune(c))
		}
	}
	return b.String()
}

func decodeUTF16(data []byte, bigEndian bool) (string, error) {
	if len(data)%2 != 0 {
		return "", fmt.Errorf("%w: UTF-16 text with an odd number of bytes (%d)", ErrEncoding, len(data)+2)
	}
	units := make([]uint16, len(data)/2)
	for i := range units {
		if bigEndian {
			units[i] = uint16(data[2*i])<<8 | uint16(data[2*i+1])
		} else {
			units[i] = uint16(data[2*i+1])<<8 | uint16(data[2*i])
		}
	}
	runes := utf16.Decode(units)
	for i, r := range runes {
		if r == utf8.RuneError {
			return "", fmt.Errorf("%w: broken UTF-16 surrogate at byte offset %d", ErrEncoding, 2+2*i)
		}
		if r == 0 {
			return "", ErrBinary
		}
	}
	return string(runes), nil
}
