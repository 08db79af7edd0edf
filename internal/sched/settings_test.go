package sched

import (
	"reflect"
	"strings"
	"testing"
	"time"
)

func TestParseRatingAcceptsNamesAndNumbers(t *testing.T) {
	for in, want := range map[string]Rating{"again": Again, "HARD": Hard, " Good ": Good, "easy": Easy, "1": Again, "4": Easy} {
		got, err := ParseRating(in)
		if err != nil || got != want {
			t.Errorf("ParseRating(%q) = %v, %v; want %v", in, got, err, want)
		}
		if in == "again" && got.String() != "again" {
			t.Errorf("String = %q", got.String())
		}
	}
	for _, in := range []string{"", "0", "5", "ok", "goodish"} {
		if _, err := ParseRating(in); err == nil || !strings.Contains(err.Error(), "again, hard, good, easy") {
			t.Errorf("ParseRating(%q): err = %v, want one listing the choices", in, err)
		}
	}
}

func TestStateAndRatingNames(t *testing.T) {
	want := []string{"new", "learning", "review", "relearning"}
	for i, w := range want {
		if got := State(i).String(); got != w {
			t.Errorf("State(%d) = %q, want %q", i, got, w)
		}
		if s, err := ParseState(w); err != nil || s != State(i) {
			t.Errorf("ParseState(%q) = %v, %v", w, s, err)
		}
	}
	if Hard.String() != "hard" || Easy.String() != "easy" {
		t.Error("rating names")
	}
}

func TestDefaultSettingsAreValid(t *testing.T) {
	s := DefaultSettings()
	if err := s.Validate(); err != nil {
		t.Fatal(err)
	}
	if s.DesiredRetention != 0.9 || s.MaximumInterval != 36500 || !s.Fuzz || s.DayStartHour != 4 || !s.ShortTerm ||
		s.LeechThreshold != 8 || FormatSteps(s.LearningSteps) != "1m 10m" || FormatSteps(s.RelearningSteps) != "10m" {
		t.Errorf("defaults = %+v", s)
	}
}

func TestValidateNamesTheBadSetting(t *testing.T) {
	cases := []struct {
		change func(*Settings)
		want   string
	}{
		{func(s *Settings) { s.DesiredRetention = 1.2 }, "desired_retention must be between 0.70 and 0.99, got 1.2"},
		{func(s *Settings) { s.DesiredRetention = 0.5 }, "desired_retention"},
		{func(s *Settings) { s.MaximumInterval = 0 }, "maximum_interval"},
		{func(s *Settings) { s.DayStartHour = 24 }, "day_start_hour"},
		{func(s *Settings) { s.LearningSteps = []time.Duration{0} }, "learning_steps"},
		{func(s *Settings) { s.RelearningSteps = []time.Duration{-time.Minute} }, "relearning_steps"},
		{func(s *Settings) { s.Algorithm = "sm5" }, "scheduler must be fsrs or sm2"},
		{func(s *Settings) { s.Params = []float64{1, 2, 3} }, "got 3 numbers"},
		{func(s *Settings) { s.LeechThreshold = -1 }, "leech_threshold"},
	}
	for _, c := range cases {
		s := DefaultSettings()
		c.change(&s)
		err := s.Validate()
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("err = %v, want it to contain %q", err, c.want)
		}
		if _, err := NewScheduler(s); err == nil {
			t.Errorf("NewScheduler accepted settings with %q", c.want)
		}
	}
}

func TestNewSchedulerFillsAndClampsParams(t *testing.T) {
	s := DefaultSettings()
	s.Params = append(defaults()[:19:19], []float64{}...)
	s.Params[0] = 500
	sc, err := NewScheduler(s)
	if err != nil {
		t.Fatal(err)
	}
	p := sc.Settings().Params
	if len(p) != 21 || p[0] != 100 || p[19] != 0.01 || p[20] != 0.5 {
		t.Errorf("params = %v, want 21 with w0 = 100, w19 = 0.01, w20 = 0.5", p)
	}
	if len(sc.Notes()) != 2 {
		t.Errorf("notes = %q, want two (w0 and w19)", sc.Notes())
	}
}

func TestParseStepsReadsUnitsAndSeparators(t *testing.T) {
	cases := map[string][]time.Duration{
		"1m 10m":     {time.Minute, 10 * time.Minute},
		"10m,1h":     {10 * time.Minute, time.Hour},
		"1d":         {24 * time.Hour},
		" 30s , 5 ":  {30 * time.Second, 5 * time.Minute},
		"1.5h 2D":    {90 * time.Minute, 48 * time.Hour},
		"":           {},
		"15m, 1h 3d": {15 * time.Minute, time.Hour, 72 * time.Hour},
	}
	for in, want := range cases {
		got, err := ParseSteps(in)
		if err != nil || !reflect.DeepEqual(got, want) {
			t.Errorf("ParseSteps(%q) = %v, %v; want %v", in, got, err, want)
		}
		if back, err := ParseSteps(FormatSteps(got)); err != nil || !reflect.DeepEqual(back, got) {
			t.Errorf("FormatSteps(%v) = %q does not read back", got, FormatSteps(got))
		}
	}
	for _, bad := range []string{"10x", "m", "-1m", "0m", "1w", "abc", "0.001s"} {
		if _, err := ParseSteps(bad); err == nil || !strings.Contains(err.Error(), "step") {
			t.Errorf("ParseSteps(%q): err = %v", bad, err)
		}
	}
	// Steps too long for a time.Duration must not wrap round and be
	// called too short.
	for _, long := range []string{"200000d", "36501d", "1e300s", "9999999999999h"} {
		if _, err := ParseSteps("1m " + long); err == nil || !strings.Contains(err.Error(), "at most 36500d") {
			t.Errorf("ParseSteps(%q): err = %v, want the maximum", long, err)
		}
	}
	if got := FormatSteps([]time.Duration{time.Minute, 10 * time.Minute, 90 * time.Minute, 26 * time.Hour, 24 * time.Hour, 45 * time.Second}); got != "1m 10m 90m 26h 1d 45s" {
		t.Errorf("FormatSteps = %q", got)
	}
}

func TestFormatIntervalShortForms(t *testing.T) {
	cases := map[time.Duration]string{
		30 * time.Second:                "30s",
		10 * time.Minute:                "10m",
		59*time.Minute + 50*time.Second: "1h",
		time.Hour:                       "1h",
		90 * time.Minute:                "1.5h",
		3 * oneDay:                      "3d",
		64 * oneDay:                     "2.1mo",
		547 * oneDay:                    "1.5y",
		365 * oneDay:                    "1y",
		100 * 365 * oneDay:              "100y",
	}
	for d, want := range cases {
		if got := FormatInterval(d); got != want {
			t.Errorf("FormatInterval(%v) = %q, want %q", d, got, want)
		}
	}
}

func TestDayStartsAtDayStartHour(t *testing.T) {
	s := testSettings()
	before := time.Date(2024, 3, 10, 3, 59, 59, 0, time.UTC)
	after := time.Date(2024, 3, 10, 4, 0, 0, 0, time.UTC)
	if s.Day(after)-s.Day(before) != 1 {
		t.Errorf("Day(04:00) - Day(03:59:59) = %d, want 1", s.Day(after)-s.Day(before))
	}
	if got := s.Day(time.Date(1970, 1, 1, 12, 0, 0, 0, time.UTC)); got != 0 {
		t.Errorf("Day(1970-01-01 noon) = %d, want 0", got)
	}
	if got := s.Day(time.Date(1969, 12, 31, 12, 0, 0, 0, time.UTC)); got != -1 {
		t.Errorf("Day(1969-12-31 noon) = %d, want -1", got)
	}
	// The day number follows the local wall clock, not UTC.
	s.Location = time.FixedZone("UTC+10", 10*3600)
	if s.Day(time.Date(2024, 3, 9, 18, 0, 0, 0, time.UTC))-s.Day(time.Date(2024, 3, 9, 17, 59, 0, 0, time.UTC)) != 1 {
		t.Error("in UTC+10 the day should change at 18:00 UTC (04:00 local)")
	}
}

func TestDayStartInvertsDay(t *testing.T) {
	zones := []*time.Location{time.UTC, time.FixedZone("minus7", -7*3600)}
	if ny, err := time.LoadLocation("America/New_York"); err == nil {
		zones = append(zones, ny) // DST changes at 02:00, before the 04:00 day start
	}
	for _, loc := range zones {
		s := testSettings()
		s.Location = loc
		for _, hour := range []int{0, 4, 23} {
			s.DayStartHour = hour
			for d := 19700; d < 20500; d += 7 {
				st := s.DayStart(d)
				if s.Day(st) != d || s.Day(st.Add(-time.Second)) != d-1 {
					t.Fatalf("%v, hour %d: DayStart(%d) = %v, Day of it %d", loc, hour, d, st, s.Day(st))
				}
				if st.In(loc).Hour() != hour {
					t.Fatalf("%v: DayStart(%d) = %v, not at %02d:00", loc, d, st, hour)
				}
			}
		}
	}
}
