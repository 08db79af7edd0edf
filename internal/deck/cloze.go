package deck

import (
	"sort"
	"strconv"
	"strings"
)

// Deletion is one {{cN::text::hint}} span of a cloze text.
type Deletion struct {
	N          int    // deletion number
	Text, Hint string // the hidden text and its optional hint
	Start, End int    // byte offsets of the whole {{...}} markup in the source
}

// Deletions parses the canonical cloze markup of s. Unterminated markup is
// left as plain text. Deletions do not nest.
func Deletions(s string) []Deletion {
	var out []Deletion
	for i := 0; i < len(s); {
		j := strings.Index(s[i:], "{{c")
		if j < 0 {
			break
		}
		start := i + j
		k := start + 3
		n := 0
		for k < len(s) && s[k] >= '0' && s[k] <= '9' {
			n = n*10 + int(s[k]-'0')
			k++
		}
		if k == start+3 || !strings.HasPrefix(s[k:], "::") {
			i = start + 3
			continue
		}
		body := k + 2
		end := strings.Index(s[body:], "}}")
		if end < 0 {
			break
		}
		inner := s[body : body+end]
		// "}}}" means the deletion text itself ends in "}".
		for body+end+2 < len(s) && s[body+end+2] == '}' {
			end++
			inner = s[body : body+end]
		}
		d := Deletion{N: n, Text: inner, Start: start, End: body + end + 2}
		if h := strings.LastIndex(inner, "::"); h >= 0 {
			d.Text, d.Hint = inner[:h], inner[h+2:]
		}
		out = append(out, d)
		i = d.End
	}
	return out
}

// ClozeNumbers lists the distinct deletion numbers of s in ascending order;
// each makes one card.
func ClozeNumbers(s string) []int {
	seen := map[int]bool{}
	var ns []int
	for _, d := range Deletions(s) {
		if !seen[d.N] {
			seen[d.N] = true
			ns = append(ns, d.N)
		}
	}
	sort.Ints(ns)
	return ns
}

// ClozePrompt renders s with deletion number n hidden ("[...]" or "[hint]")
// and every other deletion shown as plain text.
func ClozePrompt(s string, n int) string {
	return renderCloze(s, func(d Deletion) string {
		if d.N != n {
			return d.Text
		}
		if d.Hint != "" {
			return "[" + d.Hint + "]"
		}
		return "[...]"
	})
}

// ClozeFilled renders s with every deletion shown; mark wraps the deletions
// of number n (for highlighting), or is nil.
func ClozeFilled(s string, n int, mark func(string) string) string {
	return renderCloze(s, func(d Deletion) string {
		if d.N == n && mark != nil {
			return mark(d.Text)
		}
		return d.Text
	})
}

// ClozeAnswer is the hidden text of deletion number n; several deletions of
// the same number are joined with ", ".
func ClozeAnswer(s string, n int) string {
	var parts []string
	for _, d := range Deletions(s) {
		if d.N == n {
			parts = append(parts, d.Text)
		}
	}
	return strings.Join(parts, ", ")
}

// StripCloze removes the markup of every deletion, keeping its text.
func StripCloze(s string) string {
	return ClozeFilled(s, 0, nil)
}

// MakeCloze wraps text as deletion number n.
func MakeCloze(n int, text, hint string) string {
	if hint != "" {
		return "{{c" + strconv.Itoa(n) + "::" + text + "::" + hint + "}}"
	}
	return "{{c" + strconv.Itoa(n) + "::" + text + "}}"
}

func renderCloze(s string, f func(Deletion) string) string {
	var b strings.Builder
	last := 0
	for _, d := range Deletions(s) {
		b.WriteString(s[last:d.Start])
		b.WriteString(f(d))
		last = d.End
	}
	b.WriteString(s[last:])
	return b.String()
}
