package review

import (
	"fmt"
	"math"
	"recall/internal/term"
	"strings"

	"recall/internal/quiz"
)

// Lines is the session part of the summary printed after a review: what
// was answered, how often Again, and the cards taken out along the way.
func (s *Summary) Lines() []string {
	var out []string
	switch {
	case s.Reviewed > 0:
		line := fmt.Sprintf("Reviewed %s in %s", term.Plural(s.Reviewed, "card"), quiz.FormatDuration(s.Duration))
		if a := s.Again(); a > 0 {
			line += fmt.Sprintf("; %d again (%d%%)", a, int(math.Round(100*s.AgainRate())))
		} else {
			line += "; no again"
		}
		out = append(out, line+".")
	case s.End != EndNothingDue:
		out = append(out, "No cards reviewed.")
	}
	var taken []string
	if s.Suspended > 0 {
		taken = append(taken, fmt.Sprintf("suspended %d", s.Suspended))
	}
	if s.Buried > 0 {
		taken = append(taken, fmt.Sprintf("buried %d", s.Buried))
	}
	if s.Edited > 0 {
		taken = append(taken, fmt.Sprintf("edited %d", s.Edited))
	}
	if len(taken) > 0 {
		t := strings.Join(taken, ", ")
		out = append(out, strings.ToUpper(t[:1])+t[1:]+".")
	}
	if n := len(s.Leeches); n > 0 {
		out = append(out, fmt.Sprintf("New %s (suspended): %s.", map[bool]string{true: "leech", false: "leeches"}[n == 1],
			strings.Join(s.Leeches, ", ")))
	}
	return out
}
