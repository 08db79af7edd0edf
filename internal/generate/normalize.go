package generate

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// cleanRaw prepares decoded text for parsing: NFC, LF line endings, no
// byte order marks, zero-width characters or control characters other than
// tab and line feed. Line structure is kept, so line numbers still match the
// file.
func cleanRaw(s string) string {
	s = norm.NFC.String(s)
	var b strings.Builder
	b.Grow(len(s))
	for i, r := range s {
		switch {
		case r == '\r':
			// CRLF becomes LF; a lone CR (old Mac files) is a line break too.
			if i+1 < len(s) && s[i+1] == '\n' {
				continue
			}
			b.WriteByte('\n')
		case r == '\n' || r == '\t':
			b.WriteRune(r)
		case r == '\f' || r == '\v':
			b.WriteByte('\n')
		case r < 0x20 || r == 0x7f || r >= 0x80 && r < 0xa0:
			// control characters, ESC sequences' introducer included
		case r == '\ufeff' || r == '\u200b' || r == '\u200c' || r == '\u200d' || r == '\u2060' || r == '\u00ad':
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// foldRune maps typographic punctuation and unusual spaces to plain ASCII.
// It returns the replacement and whether r was replaced.
func foldRune(r rune) (string, bool) {
	switch r {
	case '“', '”', '„', '‟', '«', '»', '″', '〝', '〞', '＂':
		return `"`, true
	case '‘', '’', '‚', '‛', '′', '＇':
		return "'", true
	case '…':
		return "...", true
	case '−', '‐', '‑', '‒':
		return "-", true
	case '\u00a0', '\u2000', '\u2001', '\u2002', '\u2003', '\u2004', '\u2005', '\u2006',
		'\u2007', '\u2008', '\u2009', '\u200a', '\u202f', '\u205f', '\u3000', '\t':
		return " ", true
	}
	return "", false
}

// isDash reports the dashes that separate words (en dash, em dash,
// horizontal bar).
func isDash(r rune) bool {
	return r == '–' || r == '—' || r == '―'
}

// normalizeInline folds typography and collapses whitespace in one line of
// extracted text: “quotes” become "quotes", ‘’ become ', ” and “ become ",
// an en dash between digits (1990–2000) becomes a hyphen and any other
// dash a spaced hyphen, and runs of spaces one space.
func normalizeInline(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	rs := []rune(s)
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		if isDash(r) {
			prevDigit := i > 0 && unicode.IsDigit(rs[i-1])
			nextDigit := i+1 < len(rs) && unicode.IsDigit(rs[i+1])
			if prevDigit && nextDigit {
				b.WriteByte('-')
			} else {
				b.WriteString(" - ")
			}
			continue
		}
		if rep, ok := foldRune(r); ok {
			b.WriteString(rep)
			continue
		}
		b.WriteRune(r)
	}
	out := b.String()
	if strings.Contains(out, "''") || strings.Contains(out, "``") {
		out = strings.NewReplacer("''", `"`, "``", `"`).Replace(out)
	}
	return collapseSpaces(out)
}

// collapseSpaces trims s and turns every run of white space into one space.
func collapseSpaces(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
