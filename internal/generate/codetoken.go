package generate

import "strings"

// inlineCodes returns the contents of the Markdown code spans of s
// ("`--json`" → "--json"): a cloze must not hide them or part of them.
func inlineCodes(s string) []string {
	if !strings.Contains(s, "`") {
		return nil
	}
	var out []string
	for i := 0; i < len(s); {
		if s[i] != '`' {
			i++
			continue
		}
		if n, content, ok := codeSpan(s, i); ok {
			if c := strings.TrimSpace(content); c != "" {
				out = append(out, strings.Join(strings.Fields(c), " "))
			}
			i = n
			continue
		}
		i += runLen(s, i, '`')
	}
	return out
}

// hidesCode reports a deletion c of s that would hide a code-like token
// or part of one: text written as inline code (codes), or part of a word
// holding "$", "/", "_", "--", "::" or "=", a flag, a dotted name or an
// octal number ("0600"). Such a token is learnt by using it, not by
// guessing it back into a sentence, and a part of one is not a fact. An
// identifier named in plain prose ("guard it with a sync.Mutex") may be
// hidden whole.
func hidesCode(s string, c cspan, codes []string) bool {
	start, end := c.start, c.end
	for _, code := range codes {
		for from := 0; from < len(s); {
			k := strings.Index(s[from:], code)
			if k < 0 {
				break
			}
			k += from
			if k < end && start < k+len(code) {
				return true
			}
			from = k + len(code)
		}
	}
	// Widen the deletion to the whole words it touches.
	ws, we := start, end
	for ws > 0 && !isSpaceByte(s[ws-1]) {
		ws--
	}
	for we < len(s) && !isSpaceByte(s[we]) {
		we++
	}
	for _, w := range strings.Fields(s[ws:we]) {
		if !codeLikeWord(w) {
			continue
		}
		if c.kind == "code" && strings.Trim(w, trimmedPunct) == s[start:end] {
			continue
		}
		return true
	}
	return false
}

// trimmedPunct surrounds a word without being part of it.
const trimmedPunct = `()[]{},;:.!?"'`

func isSpaceByte(c byte) bool { return c == ' ' || c == '\t' || c == '\n' }

// codeLikeWord reports a word of running text that is really code.
func codeLikeWord(w string) bool {
	w = strings.Trim(w, trimmedPunct)
	if w == "" {
		return false
	}
	if strings.ContainsAny(w, "$/_=\\<>") || strings.Contains(w, "--") || strings.Contains(w, "::") || w[0] == '-' {
		return true
	}
	if len(w) >= 2 && w[0] == '0' && isDigit(w[1]) {
		// A number written with a leading zero is a mode or a code.
		return true
	}
	// "collection.db", "os.Exit" but not "e.g" or "1.26".
	if k := strings.IndexByte(w, '.'); k > 0 && k < len(w)-1 && isLetterByte(w[k+1]) && isLetterByte(w[k-1]) && len(w) > 4 {
		return true
	}
	return false
}
