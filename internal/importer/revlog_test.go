package importer

import (
	"os"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestReadRevlogCSVReportsBadRowsWithLines(t *testing.T) {
	in := "card_id,review_rating,review_time,review_duration\n" +
		"2,3,2024-03-30T17:03:18+00:00,1500\n" +
		"1,1,2024-03-29T20:32:32.250000+00:00,\n" +
		",3,2024-03-30T17:03:18Z,1\n" +
		"1,5,2024-03-30T17:03:18Z,1\n" +
		"1,2,yesterday,1\n" +
		"1,2,2024-03-30T17:03:18Z,-4\n" +
		"1,4,2024-03-29T20:00:00+02:00,0\n" +
		"1,3,2024-03-30T17:03:18Z\n" +
		"1,3,2024-03-30T17:03:18Z,1,extra\n"
	reviews, errs, err := ReadRevlogCSV(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	var lines []int
	for _, e := range errs {
		lines = append(lines, e.Line)
	}
	if !slices.Equal(lines, []int{4, 5, 6, 7, 9, 10}) {
		t.Errorf("error lines %v (%v)", lines, errs)
	}
	if len(errs) == 6 && errs[4].Message != "3 fields where the header has 4 (card_id,review_rating,review_time,review_duration)" {
		t.Errorf("short row: %q", errs[4].Message)
	}
	if len(reviews) != 3 {
		t.Fatalf("reviews %v", reviews)
	}
	// Sorted by card, then time; times in UTC.
	if r := reviews[0]; r.CardID != "1" || r.Rating != 4 || !r.Time.Equal(time.Date(2024, 3, 29, 18, 0, 0, 0, time.UTC)) {
		t.Errorf("first %+v", r)
	}
	if r := reviews[1]; r.Time.Nanosecond() != 250_000_000 || r.Duration != 0 {
		t.Errorf("second %+v", r)
	}
	if r := reviews[2]; r.CardID != "2" || r.Duration != 1500*time.Millisecond || r.Time.Location() != time.UTC {
		t.Errorf("third %+v", r)
	}
}

func TestReadRevlogCSVNeedsItsHeader(t *testing.T) {
	_, _, err := ReadRevlogCSV(strings.NewReader("a,b,c\n1,2,3\n"))
	if err == nil || !strings.Contains(err.Error(), "card_id") {
		t.Errorf("err = %v", err)
	}
	reviews, _, err := ReadRevlogCSV(strings.NewReader("\xEF\xBB\xBFreview_time,card_id,review_rating\r\n2024-01-01T00:00:00Z,x,3\r\n"))
	if err != nil || len(reviews) != 1 || reviews[0].CardID != "x" {
		t.Errorf("reordered columns: %v, %v", reviews, err)
	}
}

func TestSampleRevlogCSV(t *testing.T) {
	path := "../../../shared/data/revlog-sample.csv"
	f, err := os.Open(path)
	if err != nil {
		t.Skipf("sample review log not available (%v); it ships with the specs in shared/data", err)
	}
	defer f.Close()
	reviews, errs, err := ReadRevlogCSV(f)
	if err != nil || len(errs) > 0 {
		t.Fatalf("%v %v", err, errs)
	}
	cards := map[string]bool{}
	ratings := [5]int{}
	for _, r := range reviews {
		cards[r.CardID] = true
		ratings[r.Rating]++
	}
	if len(reviews) != 12580 || len(cards) != 1205 || ratings != [5]int{0, 3676, 1, 8903, 0} {
		t.Errorf("%d reviews of %d cards, ratings %v", len(reviews), len(cards), ratings)
	}
	res, err := Read(path, Options{})
	if err != nil || res.Format != FormatRevlog || len(res.Reviews) != 12580 {
		t.Errorf("Read: %v, %v", res.Format, err)
	}
}
