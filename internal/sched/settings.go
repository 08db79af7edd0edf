package sched

import (
	"errors"
	"fmt"
	"math"
	"time"
)

// Settings are the scheduling options of a collection or deck (§2.1).
type Settings struct {
	// Algorithm selects FSRS-6 or Anki's SM-2 variant.
	Algorithm Algorithm
	// Params are the FSRS parameters in any length FillParams accepts;
	// empty means the defaults.
	Params []float64
	// DesiredRetention is the recall probability FSRS aims for at the end
	// of each interval (0.70–0.99).
	DesiredRetention float64
	// LearningSteps are the waits between answers of a new card.
	LearningSteps []time.Duration
	// RelearningSteps are the waits after a lapse.
	RelearningSteps []time.Duration
	// MaximumInterval caps every interval, in days.
	MaximumInterval int
	// Fuzz spreads day intervals a little so that cards learned together
	// do not stay together.
	Fuzz bool
	// DayStartHour is the local hour at which a new day begins (0–23).
	DayStartHour int
	// Location is the collection's time zone; nil means time.Local.
	Location *time.Location
	// ShortTerm enables learning and relearning steps; false is long-term
	// mode (§2.5), where every answer gives a whole-day interval. Under
	// SM-2, false means no steps.
	ShortTerm bool
	// LeechThreshold is the lapse count at which a card becomes a leech
	// (and every half of it again); 0 turns leech detection off.
	LeechThreshold int
}

// DefaultSettings returns the defaults of §2.1 and §3.2.
func DefaultSettings() Settings {
	return Settings{
		Algorithm:        FSRS,
		DesiredRetention: 0.9,
		LearningSteps:    []time.Duration{time.Minute, 10 * time.Minute},
		RelearningSteps:  []time.Duration{10 * time.Minute},
		MaximumInterval:  36500,
		Fuzz:             true,
		DayStartHour:     4,
		ShortTerm:        true,
		LeechThreshold:   8,
	}
}

// Limits of the settings the CLI accepts.
const (
	MinDesiredRetention = 0.70
	MaxDesiredRetention = 0.99
	MaxMaximumInterval  = 36500
)

// Validate reports every setting out of range, naming it as the config
// command does.
func (s Settings) Validate() error {
	var errs []error
	switch s.Algorithm {
	case FSRS, SM2:
	default:
		errs = append(errs, fmt.Errorf("scheduler must be fsrs or sm2, got %q", string(s.Algorithm)))
	}
	if _, err := FillParams(s.Params); err != nil {
		errs = append(errs, err)
	}
	if math.IsNaN(s.DesiredRetention) || s.DesiredRetention < MinDesiredRetention || s.DesiredRetention > MaxDesiredRetention {
		errs = append(errs, fmt.Errorf("desired_retention must be between %.2f and %.2f, got %v", MinDesiredRetention, MaxDesiredRetention, s.DesiredRetention))
	}
	if err := validateSteps("learning_steps", s.LearningSteps); err != nil {
		errs = append(errs, err)
	}
	if err := validateSteps("relearning_steps", s.RelearningSteps); err != nil {
		errs = append(errs, err)
	}
	if s.MaximumInterval < 1 || s.MaximumInterval > MaxMaximumInterval {
		errs = append(errs, fmt.Errorf("maximum_interval must be between 1 and %d days, got %d", MaxMaximumInterval, s.MaximumInterval))
	}
	if s.DayStartHour < 0 || s.DayStartHour > 23 {
		errs = append(errs, fmt.Errorf("day_start_hour must be between 0 and 23, got %d", s.DayStartHour))
	}
	if s.LeechThreshold < 0 {
		errs = append(errs, fmt.Errorf("leech_threshold must be 0 (off) or more, got %d", s.LeechThreshold))
	}
	return errors.Join(errs...)
}

func validateSteps(name string, steps []time.Duration) error {
	for i, d := range steps {
		if d < time.Second {
			return fmt.Errorf("%s: step %d is %v; every step must be at least 1s", name, i+1, d)
		}
	}
	return nil
}

func (s Settings) location() *time.Location {
	if s.Location == nil {
		return time.Local
	}
	return s.Location
}

// Day is the day number of instant t (§2.2): the calendar date of the local
// wall-clock time minus DayStartHour hours, counted from 1970-01-01. Elapsed
// days between two reviews are differences of Day.
func (s Settings) Day(t time.Time) int {
	lt := t.In(s.location())
	y, m, d := lt.Date()
	n := daysFromCivil(y, int(m), d)
	if lt.Hour() < s.DayStartHour {
		n--
	}
	return n
}

// DayStart is the instant at which day number day begins: DayStartHour
// o'clock local time on that date (the inverse of Day).
func (s Settings) DayStart(day int) time.Time {
	y, m, d := civilFromDays(day)
	return time.Date(y, time.Month(m), d, s.DayStartHour, 0, 0, 0, s.location())
}

// daysFromCivil counts days from 1970-01-01 in the proleptic Gregorian
// calendar (the well-known era-based algorithm, exact for every date).
func daysFromCivil(y, m, d int) int {
	if m <= 2 {
		y--
	}
	era := floorDiv(y, 400)
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe - 719468
}

// civilFromDays is the inverse of daysFromCivil.
func civilFromDays(z int) (y, m, d int) {
	z += 719468
	era := floorDiv(z, 146097)
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	y = yoe + era*400
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	d = doy - (153*mp+2)/5 + 1
	m = mp + 3
	if m > 12 {
		m -= 12
	}
	if m <= 2 {
		y++
	}
	return y, m, d
}

func floorDiv(a, b int) int {
	q := a / b
	if (a%b != 0) && ((a < 0) != (b < 0)) {
		q--
	}
	return q
}
