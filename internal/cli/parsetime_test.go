package cli

import (
	"testing"
	"time"
)

func TestParseTimeReadsABareDateAsNoon(t *testing.T) {
	got, err := ParseTime("2026-11-28")
	if err != nil {
		t.Fatal(err)
	}
	if want := time.Date(2026, 11, 28, 12, 0, 0, 0, time.Local); !got.Equal(want) {
		t.Errorf("2026-11-28 = %v, want %v (noon, inside that study day)", got, want)
	}
	if got, _ := ParseTime("2026-11-28T03:30:00Z"); got.Hour() != 3 || got.Minute() != 30 {
		t.Errorf("an explicit time changed: %v", got)
	}
	if _, err := ParseTime("28/11/2026"); err == nil {
		t.Error("a day-first date was accepted")
	}
}
