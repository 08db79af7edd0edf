package sched

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
)

const oneDay = 24 * time.Hour

// ParseSteps reads a list of step durations such as "1m 10m", "10m,1h" or
// "1d". Each step is a number with a unit s, m, h or d; a bare number means
// minutes, as in Anki. Steps are separated by spaces or commas; an empty
// string means no steps.
func ParseSteps(s string) ([]time.Duration, error) {
	fields := strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ' ' || r == '\t' })
	steps := make([]time.Duration, 0, len(fields))
	for _, f := range fields {
		d, err := parseStep(f)
		if err != nil {
			return nil, err
		}
		steps = append(steps, d)
	}
	return steps, nil
}

func parseStep(f string) (time.Duration, error) {
	unit := time.Minute
	num := f
	switch strings.ToLower(f[len(f)-1:]) {
	case "s":
		unit, num = time.Second, f[:len(f)-1]
	case "m":
		unit, num = time.Minute, f[:len(f)-1]
	case "h":
		unit, num = time.Hour, f[:len(f)-1]
	case "d":
		unit, num = oneDay, f[:len(f)-1]
	}
	v, err := strconv.ParseFloat(num, 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return 0, fmt.Errorf("invalid step %q: want a number with unit s, m, h or d, e.g. 10m", f)
	}
	// The upper bound is checked on the float, before the conversion: a
	// value beyond time.Duration's range (about 292 years) would wrap and
	// then look too small.
	if v*float64(unit) > float64(36500*oneDay) {
		return 0, fmt.Errorf("invalid step %q: a step must be at most 36500d", f)
	}
	d := time.Duration(math.Round(v * float64(unit)))
	if d < time.Second {
		return 0, fmt.Errorf("invalid step %q: a step must be at least 1s", f)
	}
	return d, nil
}

// FormatSteps writes steps so that ParseSteps reads them back: each in the
// largest unit that divides it, separated by spaces ("1m 10m").
func FormatSteps(steps []time.Duration) string {
	parts := make([]string, len(steps))
	for i, d := range steps {
		parts[i] = formatStep(d)
	}
	return strings.Join(parts, " ")
}

func formatStep(d time.Duration) string {
	switch {
	case d%oneDay == 0:
		return strconv.FormatInt(int64(d/oneDay), 10) + "d"
	case d%time.Hour == 0:
		return strconv.FormatInt(int64(d/time.Hour), 10) + "h"
	case d%time.Minute == 0:
		return strconv.FormatInt(int64(d/time.Minute), 10) + "m"
	case d%time.Second == 0:
		return strconv.FormatInt(int64(d/time.Second), 10) + "s"
	}
	return strconv.FormatFloat(d.Seconds(), 'f', -1, 64) + "s"
}

// Lengths of a month and a year for FormatInterval, in days (a year of 365
// days, a month of a twelfth of that), as Anki shows them.
const (
	daysPerMonth = 365.0 / 12
	daysPerYear  = 365.0
)

// FormatInterval is the short human form of a wait for the review screen:
// "45s", "10m", "1.5h", "3d", "2.1mo", "1.5y". Seconds, minutes and days are
// whole; hours, months and years carry one decimal when it is not zero.
func FormatInterval(d time.Duration) string {
	if d < 0 {
		d = 0
	}
	secs := d.Seconds()
	days := secs / 86400
	switch {
	case secs < 60:
		return strconv.Itoa(int(math.Round(secs))) + "s"
	case secs < 3600:
		return oneUnit(secs/60, 0, 60, "m", "h")
	case secs < 86400:
		return oneUnit(secs/3600, 1, 24, "h", "d")
	case days < daysPerMonth:
		return oneUnit(days, 0, daysPerMonth, "d", "mo")
	case days < daysPerYear:
		return oneUnit(days/daysPerMonth, 1, 12, "mo", "y")
	}
	return oneUnit(days/daysPerYear, 1, math.Inf(1), "y", "")
}

// oneUnit rounds v to the given decimals; when rounding reaches the next
// unit (59.7m → 60m) it says "1" of that unit instead.
func oneUnit(v float64, decimals int, next float64, unit, nextUnit string) string {
	scale := math.Pow(10, float64(decimals))
	r := math.Round(v*scale) / scale
	if r >= next {
		return "1" + nextUnit
	}
	return strconv.FormatFloat(r, 'f', -1, 64) + unit
}
