package generate

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// stripInline removes inline Markdown markup from s and keeps its text:
// code spans keep their content, links their label, images and footnote
// references vanish, inline HTML tags are dropped and entities decoded,
// emphasis, strike-through and highlight delimiters are removed. Line feeds
// are kept so that the caller can still map text to lines. With markdown
// false (plain text) backslash escapes and entities are left alone.
func stripInline(s string, markdown bool) string {
	if !strings.ContainsAny(s, "\\`![<&*_~=") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		c := s[i]
		switch c {
		case '\\':
			if markdown && i+1 < len(s) && isASCIIPunct(s[i+1]) {
				b.WriteByte(s[i+1])
				i += 2
				continue
			}
		case '`':
			if n, content, ok := codeSpan(s, i); ok {
				b.WriteString(content)
				i = n
				continue
			}
			i += runLen(s, i, '`')
			continue
		case '!':
			if i+1 < len(s) && s[i+1] == '[' {
				if _, end, ok := linkAt(s, i+1); ok {
					i = end
					continue
				}
			}
		case '[':
			if strings.HasPrefix(s[i:], "[[") {
				if end := strings.Index(s[i+2:], "]]"); end >= 0 && !strings.Contains(s[i+2:i+2+end], "\n\n") {
					label := s[i+2 : i+2+end]
					if p := strings.LastIndexByte(label, '|'); p >= 0 {
						label = label[p+1:]
					}
					b.WriteString(stripInline(label, markdown))
					i += 4 + end
					continue
				}
			}
			if label, end, ok := linkAt(s, i); ok {
				if !strings.HasPrefix(label, "^") {
					b.WriteString(stripInline(label, markdown))
				}
				i = end
				continue
			}
		case '<':
			if end, repl, ok := tagAt(s, i); ok {
				b.WriteString(repl)
				i = end
				continue
			}
		case '&':
			if markdown {
				if end := entityEnd(s, i); end > 0 {
					b.WriteString(html.UnescapeString(s[i:end]))
					i = end
					continue
				}
			}
		case '*', '_', '~', '=':
			n := runLen(s, i, c)
			if (c == '~' || c == '=') && n != 2 {
				break
			}
			if isEmphasisRun(s, i, i+n, c) {
				i += n
				continue
			}
			b.WriteString(s[i : i+n])
			i += n
			continue
		}
		b.WriteByte(c)
		i++
	}
	return b.String()
}

func isASCIIPunct(c byte) bool {
	return c < utf8.RuneSelf && unicode.IsPunct(rune(c)) || strings.IndexByte("$+<=>^`|~", c) >= 0
}

func runLen(s string, i int, c byte) int {
	n := 0
	for i+n < len(s) && s[i+n] == c {
		n++
	}
	return n
}

// codeSpan parses a code span opening at s[i]: it returns the offset after
// it and its content.
func codeSpan(s string, i int) (int, string, bool) {
	n := runLen(s, i, '`')
	open := s[i : i+n]
	rest := s[i+n:]
	for j := 0; j < len(rest); {
		k := strings.Index(rest[j:], open)
		if k < 0 {
			return 0, "", false
		}
		k += j
		if runLen(rest, k, '`') == n {
			content := rest[:k]
			if strings.Contains(content, "\n\n") {
				return 0, "", false
			}
			return i + n + k + n, content, true
		}
		j = k + runLen(rest, k, '`')
	}
	return 0, "", false
}

// linkAt parses a link "[label](target)", "[label][ref]" or "[label]"
// starting at s[i] == '['. It returns the label and the offset after it.
func linkAt(s string, i int) (string, int, bool) {
	depth := 0
	j := i
	for ; j < len(s); j++ {
		switch s[j] {
		case '\\':
			j++
		case '[':
			depth++
		case ']':
			depth--
		case '\n':
			if j+1 < len(s) && s[j+1] == '\n' {
				return "", 0, false
			}
		}
		if depth == 0 {
			break
		}
	}
	if j >= len(s) {
		return "", 0, false
	}
	label := s[i+1 : j]
	end := j + 1
	if end < len(s) && s[end] == '(' {
		if k := closingParen(s, end); k > 0 {
			return label, k + 1, true
		}
	}
	if end < len(s) && s[end] == '[' {
		if k := strings.IndexByte(s[end:], ']'); k >= 0 && !strings.ContainsAny(s[end+1:end+k], "\n[") {
			return label, end + k + 1, true
		}
	}
	return label, end, true
}

// closingParen finds the parenthesis closing the one at s[i], on the same
// or the next line.
func closingParen(s string, i int) int {
	depth := 0
	for j := i; j < len(s); j++ {
		switch s[j] {
		case '\\':
			j++
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				return j
			}
		case '\n':
			if j+1 < len(s) && s[j+1] == '\n' {
				return -1
			}
		}
	}
	return -1
}

// tagAt recognises inline HTML at s[i] == '<': a tag, a comment or an
// autolink. It returns the offset after it and the text to put instead.
func tagAt(s string, i int) (int, string, bool) {
	rest := s[i:]
	if strings.HasPrefix(rest, "<!--") {
		if k := strings.Index(rest, "-->"); k >= 0 {
			return i + k + 3, " ", true
		}
		return 0, "", false
	}
	k := strings.IndexByte(rest, '>')
	if k < 2 || strings.Contains(rest[:k], "\n\n") {
		return 0, "", false
	}
	inner := rest[1:k]
	if strings.HasPrefix(inner, "http://") || strings.HasPrefix(inner, "https://") || strings.HasPrefix(inner, "mailto:") {
		return i + k + 1, strings.TrimPrefix(inner, "mailto:"), true
	}
	if strings.Contains(inner, "@") && !strings.ContainsAny(inner, " \t\n") {
		return i + k + 1, inner, true
	}
	name := strings.TrimPrefix(inner, "/")
	if name == "" || !isASCIILetter(name[0]) {
		return 0, "", false
	}
	n := 0
	for n < len(name) && (isASCIILetter(name[n]) || name[n] >= '0' && name[n] <= '9' || name[n] == '-') {
		n++
	}
	if n < len(name) && !strings.ContainsRune(" \t\n/", rune(name[n])) {
		return 0, "", false
	}
	repl := ""
	switch strings.ToLower(name[:n]) {
	case "br", "p", "div", "li", "tr", "td", "th", "hr":
		repl = " "
	}
	return i + k + 1, repl, true
}

func isASCIILetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// entityEnd returns the offset after an HTML entity at s[i] == '&', or 0.
func entityEnd(s string, i int) int {
	for j := i + 1; j < len(s) && j < i+33; j++ {
		c := s[j]
		if c == ';' {
			if j > i+1 {
				return j + 1
			}
			return 0
		}
		if !(isASCIILetter(c) || c >= '0' && c <= '9' || c == '#') {
			return 0
		}
	}
	return 0
}

// isEmphasisRun reports whether the delimiter run s[i:j] of c opens or
// closes emphasis (it touches a word on one side only), so that "2 * 3",
// "snake_case" and "a == b" keep their characters.
func isEmphasisRun(s string, i, j int, c byte) bool {
	prev, next := ' ', ' '
	if i > 0 {
		prev, _ = utf8.DecodeLastRuneInString(s[:i])
	}
	if j < len(s) {
		next, _ = utf8.DecodeRuneInString(s[j:])
	}
	prevSpace, nextSpace := unicode.IsSpace(prev), unicode.IsSpace(next)
	if prevSpace && nextSpace {
		return false
	}
	prevWord := unicode.IsLetter(prev) || unicode.IsDigit(prev)
	nextWord := unicode.IsLetter(next) || unicode.IsDigit(next)
	if prevWord && nextWord {
		// Inside a word: snake_case, 2*3, a==b. Only "*" emphasises there.
		return c == '*' && !unicode.IsDigit(prev)
	}
	return true
}
