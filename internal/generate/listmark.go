package generate

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// indentOf returns the width of s's leading white space (a tab counts as
// four columns) and the byte offset where its text starts.
func indentOf(s string) (width, off int) {
	for off < len(s) {
		switch s[off] {
		case ' ':
			width++
		case '\t':
			width += 4 - width%4
		default:
			return width, off
		}
		off++
	}
	return width, off
}

// plainBullets are the bullet characters people type in plain text besides
// Markdown's -, * and +.
const plainBullets = "•·–—▪◦‣○●■□➢➤►→✓✔"

// listMarker recognises a list item at the start of s (after its
// indentation): "- ", "* ", "+ ", "1. ", "2) " and, in plain text, bullets
// such as "•", "–" and "(a)". It returns the byte offset where the item's
// text starts and whether the list is ordered.
func listMarker(s string, plain bool) (textOff int, ordered, ok bool) {
	_, off := indentOf(s)
	rest := s[off:]
	if rest == "" {
		return 0, false, false
	}
	switch rest[0] {
	case '-', '*', '+':
		if len(rest) == 1 || rest[1] == ' ' || rest[1] == '\t' {
			return off + 1 + spaceRun(rest[1:]), false, true
		}
		return 0, false, false
	}
	if plain {
		r, n := utf8.DecodeRuneInString(rest)
		if strings.ContainsRune(plainBullets, r) {
			after := rest[n:]
			// "–Scientific ..." is a bullet; "— Mark Twain" may be a speaker,
			// which the caller checks first.
			if after == "" || after[0] == ' ' || after[0] == '\t' || startsLetter(after) {
				return off + n + spaceRun(after), false, true
			}
			return 0, false, false
		}
		if rest[0] == '(' {
			if k := strings.IndexByte(rest, ')'); k > 1 && k <= 4 && isEnumLabel(rest[1:k]) && k+1 < len(rest) && rest[k+1] == ' ' {
				return off + k + 1 + spaceRun(rest[k+1:]), true, true
			}
		}
	}
	digits := 0
	for digits < len(rest) && digits < 4 && rest[digits] >= '0' && rest[digits] <= '9' {
		digits++
	}
	if digits > 0 && digits <= 3 && digits < len(rest) && (rest[digits] == '.' || rest[digits] == ')') {
		after := rest[digits+1:]
		if after == "" || after[0] == ' ' || after[0] == '\t' {
			return off + digits + 1 + spaceRun(after), true, true
		}
	}
	if plain && len(rest) > 2 && rest[0] >= 'a' && rest[0] <= 'z' && rest[1] == ')' && rest[2] == ' ' {
		return off + 2 + spaceRun(rest[2:]), true, true
	}
	return 0, false, false
}

func isEnumLabel(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !(r >= '0' && r <= '9' || r >= 'a' && r <= 'z') {
			return false
		}
	}
	return len(s) <= 3
}

func spaceRun(s string) int {
	n := 0
	for n < len(s) && (s[n] == ' ' || s[n] == '\t') {
		n++
	}
	return n
}

func startsLetter(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// isBlank reports a line of only white space.
func isBlank(s string) bool { return strings.TrimSpace(s) == "" }

// codeLike reports a line that reads as program code or a shell command
// rather than prose.
func codeLike(line string) bool {
	t := strings.TrimSpace(line)
	if t == "" {
		return false
	}
	for _, kw := range []string{"func ", "package ", "import ", "const ", "var ", "type ", "def ", "class ",
		"return ", "#include", "$ ", ">>> ", "% ", "fn ", "pub ", "let ", "#!/", "//", "/*", "if (", "for (", "while ("} {
		if strings.HasPrefix(t, kw) {
			return true
		}
	}
	if t == "}" || t == "{" || t == ")" || t == "end" {
		return true
	}
	sym, letters := 0, 0
	for _, r := range t {
		switch {
		case strings.ContainsRune("{}[]();=<>|&$\\_:*/", r):
			sym++
		case unicode.IsLetter(r):
			letters++
		}
	}
	last := t[len(t)-1]
	if strings.IndexByte("{};", last) >= 0 {
		return true
	}
	return sym*6 > letters+sym
}
