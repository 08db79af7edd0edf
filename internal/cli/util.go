package cli

import (
	"strings"

	"recall/internal/term"
)

// sanitizeLine makes outside text safe and one line long for listings.
func sanitizeLine(s string) string {
	s = term.Sanitize(s)
	s = strings.Join(strings.Fields(s), " ")
	return s
}

// shorten cuts s to n runes with an ellipsis.
func shorten(s string, n int) string {
	s = sanitizeLine(s)
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
