package importer

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// maxTextBytes caps a text deck file read into memory.
const maxTextBytes = 512 << 20

var (
	bomUTF8    = []byte{0xEF, 0xBB, 0xBF}
	bomUTF16LE = []byte{0xFF, 0xFE}
	bomUTF16BE = []byte{0xFE, 0xFF}
)

// decodeText turns raw file bytes into clean text: transcoded to UTF-8 (UTF-16
// by its BOM, Latin-1 only when asked), one BOM dropped, invalid UTF-8
// refused with its line and byte offset, and CRLF and lone CR turned into LF.
func decodeText(raw []byte, enc string) (string, error) {
	var e encoding.Encoding
	switch strings.ToLower(strings.ReplaceAll(enc, "_", "-")) {
	case "", "utf-8", "utf8":
	case "latin1", "latin-1", "iso-8859-1", "iso8859-1":
		e = charmap.ISO8859_1
	case "cp1252", "windows-1252":
		e = charmap.Windows1252
	case "utf-16", "utf16":
		e = unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM)
	default:
		return "", fmt.Errorf("unknown encoding %q (use utf-8 or latin1)", enc)
	}
	switch {
	case bytes.HasPrefix(raw, bomUTF8):
		raw = raw[len(bomUTF8):]
	case bytes.HasPrefix(raw, bomUTF16LE), bytes.HasPrefix(raw, bomUTF16BE):
		// The BOM says what the file is, whatever was asked.
		e = unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM)
	}
	if e != nil {
		out, err := e.NewDecoder().Bytes(raw)
		if err != nil {
			return "", fmt.Errorf("decoding %s: %w", enc, err)
		}
		raw = bytes.TrimPrefix(out, bomUTF8)
	}
	if err := checkUTF8(raw); err != nil {
		return "", err
	}
	return normalizeNewlines(string(raw)), nil
}

// checkUTF8 reports the first invalid byte sequence with its position, so the
// user can find it, and suggests the encoding option.
func checkUTF8(b []byte) error {
	if utf8.Valid(b) {
		return nil
	}
	line, col := 1, 1
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n <= 1 {
			return fmt.Errorf("invalid UTF-8 at line %d, column %d (byte offset %d, 0x%02X); if the file is Latin-1 or Windows-1252, pass --encoding latin1", line, col, i, b[i])
		}
		if b[i] == '\n' || (b[i] == '\r' && (i+1 >= len(b) || b[i+1] != '\n')) {
			line++
			col = 0
		}
		col++
		i += n
	}
	return nil
}

// normalizeNewlines turns CRLF and lone CR into LF, inside quoted fields too,
// so every parser sees one kind of line break.
func normalizeNewlines(s string) string {
	if strings.IndexByte(s, '\r') < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '\r' {
			b.WriteByte('\n')
			if i+1 < len(s) && s[i+1] == '\n' {
				i++
			}
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}

// looksBinary reports NUL bytes in a head of a file that has no UTF-16 BOM.
func looksBinary(head []byte) bool {
	if bytes.HasPrefix(head, bomUTF16LE) || bytes.HasPrefix(head, bomUTF16BE) {
		return false
	}
	return bytes.IndexByte(head, 0) >= 0
}

// unescapeSep reads the escapes a shell user types for a separator.
// UnescapeSeparator reads the escapes \t, \n, \r and \\ in a separator
// given on the command line.
func UnescapeSeparator(s string) string { return unescapeSep(s) }

func unescapeSep(s string) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	r := strings.NewReplacer(`\\`, `\`, `\t`, "\t", `\n`, "\n", `\r`, "\r")
	return r.Replace(s)
}

// stripControls deletes ASCII control characters other than TAB and LF, as
// Anki does on import.
func stripControls(s string) string {
	clean := true
	for i := 0; i < len(s); i++ {
		if c := s[i]; (c < 0x20 && c != '\t' && c != '\n') || c == 0x7f {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	return strings.Map(func(r rune) rune {
		if (r < 0x20 && r != '\t' && r != '\n') || r == 0x7f {
			return -1
		}
		return r
	}, s)
}
