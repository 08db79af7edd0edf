package cli

import "recall/internal/term"

// shorten cuts s to n runes with an ellipsis.
func shorten(s string, n int) string {
	s = term.OneLine(s)
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
