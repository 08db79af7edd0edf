package review

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"recall/internal/sched"
	"recall/internal/store"
)

// Setting is one key of `recall config`.
type Setting struct {
	Key     string
	Default string
	Help    string
	// PerDeck settings may be overridden for one deck.
	PerDeck bool
	check   func(string) error
}

// Settings lists every configuration key with its default and check.
var Settings = []Setting{
	{"desired_retention", "0.9", "target probability of recall when a card is due (0.70-0.99)", true, func(v string) error {
		return floatIn(v, 0.70, 0.99)
	}},
	{"new_per_day", "20", "new cards introduced per day", true, func(v string) error { return intIn(v, 0, 100000) }},
	{"reviews_per_day", "200", "reviews shown per day", true, func(v string) error { return intIn(v, 0, 1000000) }},
	{"learning_steps", "1m 10m", "waits between answers of a new card before it graduates", true, stepsCheck},
	{"relearning_steps", "10m", "waits after a lapse before the card returns to review", true, stepsCheck},
	{"maximum_interval", "36500", "longest interval in days", true, func(v string) error { return intIn(v, 1, 36500) }},
	{"fuzz", "on", "spread intervals a little so cards learnt together do not stay together", true, boolCheck},
	{"day_start_hour", "4", "hour (local time) at which a new day starts", false, func(v string) error { return intIn(v, 0, 23) }},
	{"timezone", "", "time zone for day boundaries (IANA name; empty = system)", false, func(v string) error {
		_, err := time.LoadLocation(v)
		return err
	}},
	{"scheduler", "fsrs", "fsrs (FSRS-6) or sm2 (Anki's SM-2)", true, func(v string) error {
		if _, err := sched.ParseAlgorithm(v); err != nil {
			return fmt.Errorf("want fsrs or sm2")
		}
		return nil
	}},
	{"short_term", "on", "use learning steps (off = long-term mode, whole days only)", true, boolCheck},
	{"fsrs_params", "", "FSRS parameters: 17, 19 or 21 numbers separated by commas or spaces (empty = defaults or the optimizer's)", true, func(v string) error {
		_, err := ParseParams(v)
		return err
	}},
	{"leech_threshold", "8", "lapses after which a card is tagged leech and suspended (0 = never)", true, func(v string) error { return intIn(v, 0, 1000) }},
	{"bury_siblings", "on", "keep the other cards of a note (reversed side, other deletions) for another day", true, boolCheck},
	{"new_spread", "mix", "where new cards go in a session: mix, first or last", true, func(v string) error {
		switch strings.ToLower(strings.TrimSpace(v)) {
		case "mix", "first", "last":
			return nil
		}
		return fmt.Errorf("want mix, first or last")
	}},
}

// Lookup returns the setting named key.
func Lookup(key string) (Setting, bool) {
	for _, s := range Settings {
		if s.Key == key {
			return s, true
		}
	}
	return Setting{}, false
}

// Check validates value for key with a message that says what is allowed.
func Check(key, value string) error {
	s, ok := Lookup(key)
	if !ok {
		names := make([]string, len(Settings))
		for i, s := range Settings {
			names[i] = s.Key
		}
		sort.Strings(names)
		return fmt.Errorf("unknown setting %q; settings are: %s", key, strings.Join(names, ", "))
	}
	if value == "" {
		return nil
	}
	if err := s.check(value); err != nil {
		return fmt.Errorf("invalid %s %q: %v", key, value, err)
	}
	return nil
}

// Canonical is value (already checked with Check) in the form it is
// stored in, so that "SM2" and "sm2" or "1 10" and "1m 10m" are one
// setting that reads back the same and compares equal.
func Canonical(key, value string) string {
	switch key {
	case "scheduler":
		if a, err := sched.ParseAlgorithm(value); err == nil {
			return string(a)
		}
	case "learning_steps", "relearning_steps":
		if steps, err := sched.ParseSteps(value); err == nil {
			return sched.FormatSteps(steps)
		}
	case "fuzz", "short_term", "bury_siblings":
		if b, ok := parseBool(value); ok && b {
			return "on"
		} else if ok {
			return "off"
		}
	case "new_spread":
		return strings.ToLower(strings.TrimSpace(value))
	}
	return value
}

func floatIn(v string, lo, hi float64) error {
	f, err := strconv.ParseFloat(v, 64)
	if err != nil || f < lo || f > hi {
		return fmt.Errorf("want a number from %g to %g", lo, hi)
	}
	return nil
}

func intIn(v string, lo, hi int) error {
	n, err := strconv.Atoi(v)
	if err != nil || n < lo || n > hi {
		return fmt.Errorf("want a whole number from %d to %d", lo, hi)
	}
	return nil
}

func boolCheck(v string) error {
	if _, ok := parseBool(v); !ok {
		return fmt.Errorf("want on or off")
	}
	return nil
}

func parseBool(v string) (bool, bool) {
	switch strings.ToLower(v) {
	case "on", "true", "yes", "1":
		return true, true
	case "off", "false", "no", "0":
		return false, true
	}
	return false, false
}

func stepsCheck(v string) error {
	_, err := sched.ParseSteps(v)
	return err
}

// ParseParams reads an FSRS parameter list and fills it to 21 numbers.
func ParseParams(v string) ([]float64, error) {
	f := strings.FieldsFunc(v, func(r rune) bool { return r == ',' || r == ' ' || r == '[' || r == ']' || r == '\t' })
	p := make([]float64, 0, len(f))
	for _, s := range f {
		x, err := strconv.ParseFloat(s, 64)
		if err != nil {
			return nil, fmt.Errorf("%q is not a number", s)
		}
		p = append(p, x)
	}
	return sched.FillParams(p)
}

// Config is the effective configuration: defaults, then the collection's
// settings, then a deck's overrides.
type Config struct {
	values map[string]string
}

// LoadConfig reads the collection's settings.
func LoadConfig(st *store.Store) (Config, error) {
	v, err := st.Config()
	if err != nil {
		return Config{}, fmt.Errorf("read settings: %w", err)
	}
	return Config{values: v}, nil
}

// NewConfig wraps explicit values (tests, simulations).
func NewConfig(values map[string]string) Config { return Config{values: values} }

// Get returns the effective value of key for deck d (nil: collection-wide).
func (c Config) Get(key string, d *store.DeckInfo) string {
	if d != nil {
		if v, ok := d.Settings[key]; ok && v != "" {
			return v
		}
	}
	if v, ok := c.values[key]; ok && v != "" {
		return v
	}
	s, _ := Lookup(key)
	return s.Default
}

// Int returns an integer setting (the default if the stored value is bad).
func (c Config) Int(key string, d *store.DeckInfo) int {
	n, err := strconv.Atoi(c.Get(key, d))
	if err != nil {
		s, _ := Lookup(key)
		n, _ = strconv.Atoi(s.Default)
	}
	return n
}

// Bool returns an on/off setting.
func (c Config) Bool(key string, d *store.DeckInfo) bool {
	b, ok := parseBool(c.Get(key, d))
	if !ok {
		s, _ := Lookup(key)
		b, _ = parseBool(s.Default)
	}
	return b
}

// Sched builds the scheduler settings for deck d (nil: collection-wide),
// with fitted parameters (if any) used unless fsrs_params is set.
func (c Config) Sched(d *store.DeckInfo, fitted []float64) (sched.Settings, error) {
	s := sched.DefaultSettings()
	var err error
	get := func(k string) string { return c.Get(k, d) }
	if s.DesiredRetention, err = strconv.ParseFloat(get("desired_retention"), 64); err != nil {
		return s, fmt.Errorf("desired_retention: %w", err)
	}
	if s.LearningSteps, err = sched.ParseSteps(get("learning_steps")); err != nil {
		return s, fmt.Errorf("learning_steps: %w", err)
	}
	if s.RelearningSteps, err = sched.ParseSteps(get("relearning_steps")); err != nil {
		return s, fmt.Errorf("relearning_steps: %w", err)
	}
	s.MaximumInterval = c.Int("maximum_interval", d)
	s.Fuzz = c.Bool("fuzz", d)
	s.DayStartHour = c.Int("day_start_hour", d)
	if tz := get("timezone"); tz != "" {
		if s.Location, err = time.LoadLocation(tz); err != nil {
			return s, fmt.Errorf("timezone: %w", err)
		}
	}
	if s.Algorithm, err = sched.ParseAlgorithm(get("scheduler")); err != nil {
		return s, err
	}
	s.ShortTerm = c.Bool("short_term", d)
	s.LeechThreshold = c.Int("leech_threshold", d)
	if p := get("fsrs_params"); p != "" {
		if s.Params, err = ParseParams(p); err != nil {
			return s, fmt.Errorf("fsrs_params: %w", err)
		}
	} else if len(fitted) > 0 {
		s.Params = fitted
	}
	return s, s.Validate()
}
