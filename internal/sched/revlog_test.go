package sched

import (
	"encoding/csv"
	"errors"
	"io/fs"
	"os"
	"strconv"
	"testing"
	"time"
)

const sampleRevlog = "../../../shared/data/revlog-sample.csv"

// loadSample reads the sample review log (FSRS.md §6), skipping the test
// when the file is not there.
func loadSample(tb testing.TB) []ReviewLog {
	tb.Helper()
	f, err := os.Open(sampleRevlog)
	if errors.Is(err, fs.ErrNotExist) {
		tb.Skipf("sample review log %s is absent; the optimizer is still covered by the synthetic tests", sampleRevlog)
	}
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		tb.Fatal(err)
	}
	logs := make([]ReviewLog, 0, len(rows))
	for i, row := range rows[1:] {
		if len(row) != 4 {
			tb.Fatalf("line %d: %d fields", i+2, len(row))
		}
		g, err := strconv.Atoi(row[1])
		if err != nil {
			tb.Fatalf("line %d: rating: %v", i+2, err)
		}
		at, err := time.Parse(time.RFC3339Nano, row[2])
		if err != nil {
			tb.Fatalf("line %d: time: %v", i+2, err)
		}
		var dur time.Duration
		if row[3] != "" {
			ms, err := strconv.Atoi(row[3])
			if err != nil {
				tb.Fatalf("line %d: duration: %v", i+2, err)
			}
			dur = time.Duration(ms) * time.Millisecond
		}
		logs = append(logs, ReviewLog{CardID: row[0], Time: at, Rating: Rating(g), Duration: dur})
	}
	return logs
}

// sampleSettings are the settings FSRS.md asks for with the sample: UTC,
// day start 4.
func sampleSettings() Settings {
	s := DefaultSettings()
	s.Location = time.UTC
	return s
}
