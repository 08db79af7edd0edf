package deck

import (
	"strings"
	"unicode/utf8"
)

// lineScanner yields the logical lines of a deck file: one leading BOM
// removed, LF, CRLF and lone CR all ending a line, HTML comments removed
// (a line that held nothing but comment is skipped) and `<!\--` escapes
// undone. It works on the whole text in memory, so a line has no length
// limit.
type lineScanner struct {
	file string
	data string
	pos  int
	n    int // number of the line last read
	// checkUTF8 is false when the whole text is known to be valid.
	checkUTF8 bool

	inComment   bool
	commentLine int // where the open comment started
}

func newLineScanner(file, data string) *lineScanner {
	data = strings.TrimPrefix(data, "\uFEFF")
	return &lineScanner{file: file, data: data, checkUTF8: !utf8.ValidString(data)}
}

// next returns the next line and its 1-based number; ok is false at the end.
func (s *lineScanner) next() (text string, n int, ok bool, err error) {
	for s.pos < len(s.data) {
		raw := s.physical()
		if s.checkUTF8 && !utf8.ValidString(raw) {
			return "", 0, false, &ParseError{s.file, s.n, "invalid UTF-8; save the file in UTF-8 encoding"}
		}
		line, keep := s.stripComments(raw)
		if !keep {
			continue
		}
		return unescapeComments(line), s.n, true, nil
	}
	if s.inComment {
		return "", 0, false, &ParseError{s.file, s.commentLine, "HTML comment <!-- is never closed; end it with -->"}
	}
	return "", 0, false, nil
}

// physical cuts the next physical line off the text.
func (s *lineScanner) physical() string {
	rest := s.data[s.pos:]
	s.n++
	i := strings.IndexAny(rest, "\r\n")
	if i < 0 {
		s.pos = len(s.data)
		return rest
	}
	s.pos += i + 1
	if rest[i] == '\r' && i+1 < len(rest) && rest[i+1] == '\n' {
		s.pos++
	}
	return rest[:i]
}

// stripComments removes HTML comments from line, continuing a comment
// left open by an earlier line. keep is false when the line consisted of
// comment and blanks only: such a line is dropped so that a comment inside
// a card side leaves no blank line behind.
func (s *lineScanner) stripComments(line string) (out string, keep bool) {
	if !s.inComment && !strings.Contains(line, "<!--") {
		return line, true
	}
	var b strings.Builder
	for line != "" {
		if s.inComment {
			end := strings.Index(line, "-->")
			if end < 0 {
				line = ""
				break
			}
			line = line[end+3:]
			s.inComment = false
			continue
		}
		start := strings.Index(line, "<!--")
		if start < 0 {
			b.WriteString(line)
			break
		}
		b.WriteString(line[:start])
		line = line[start+4:]
		s.inComment = true
		s.commentLine = s.n
	}
	out = b.String()
	return out, strings.TrimSpace(out) != ""
}
