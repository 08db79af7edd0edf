package importer

import (
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"time"
)

// revlogHeader is the header of the review-log CSV (FSRS.md §6).
const revlogHeader = "card_id,review_rating,review_time,review_duration"

// ReadRevlogCSV parses a review-log CSV: a header naming card_id,
// review_rating, review_time and (optionally) review_duration in any order,
// then one graded review per row. A bad row is reported with its line number
// and skipped. Reviews come back sorted by card, then time.
func ReadRevlogCSV(r io.Reader) ([]Review, []LineError, error) {
	raw, err := io.ReadAll(io.LimitReader(r, maxTextBytes+1))
	if err != nil {
		return nil, nil, fmt.Errorf("reading review log: %w", err)
	}
	if len(raw) > maxTextBytes {
		return nil, nil, fmt.Errorf("review log larger than %d MiB", maxTextBytes>>20)
	}
	text, err := decodeText(raw, "")
	if err != nil {
		return nil, nil, fmt.Errorf("review log: %w", err)
	}
	return parseRevlog(text)
}

func parseRevlog(text string) ([]Review, []LineError, error) {
	recs, errs := newRecordReader(text, ',', 1).readAll()
	recs = dropBlank(recs)
	if len(recs) == 0 {
		return nil, errs, fmt.Errorf("review log is empty; expected the header %s", revlogHeader)
	}
	col := map[string]int{"card_id": -1, "review_rating": -1, "review_time": -1, "review_duration": -1}
	for i, h := range recs[0].fields {
		if _, ok := col[strings.TrimSpace(h)]; ok {
			col[strings.TrimSpace(h)] = i
		}
	}
	for _, k := range []string{"card_id", "review_rating", "review_time"} {
		if col[k] < 0 {
			return nil, errs, fmt.Errorf("review log header lacks %s (expected %s)", k, revlogHeader)
		}
	}
	reviews := make([]Review, 0, len(recs)-1)
	width := len(recs[0].fields)
	for _, rec := range recs[1:] {
		if n := len(rec.fields); n != width {
			errs = append(errs, LineError{Line: rec.line, Message: fmt.Sprintf(
				"%d %s where the header has %d (%s)", n, plural(n, "field", "fields"), width, strings.Join(recs[0].fields, ","))})
			continue
		}
		rv, msg := revlogRow(rec, col)
		if msg != "" {
			errs = append(errs, LineError{Line: rec.line, Message: msg})
			continue
		}
		reviews = append(reviews, rv)
	}
	sort.SliceStable(reviews, func(i, j int) bool {
		if reviews[i].CardID != reviews[j].CardID {
			return reviews[i].CardID < reviews[j].CardID
		}
		return reviews[i].Time.Before(reviews[j].Time)
	})
	return reviews, errs, nil
}

func revlogRow(rec record, col map[string]int) (Review, string) {
	get := func(k string) string {
		if i := col[k]; i >= 0 && i < len(rec.fields) {
			return strings.TrimSpace(rec.fields[i])
		}
		return ""
	}
	var rv Review
	if rv.CardID = get("card_id"); rv.CardID == "" {
		return rv, "empty card_id"
	}
	rating, err := strconv.Atoi(get("review_rating"))
	if err != nil || rating < 1 || rating > 4 {
		return rv, fmt.Sprintf("review_rating %q is not 1-4", get("review_rating"))
	}
	rv.Rating = rating
	t, err := time.Parse(time.RFC3339Nano, get("review_time"))
	if err != nil {
		return rv, fmt.Sprintf("review_time %q is not an RFC 3339 time with an offset", get("review_time"))
	}
	rv.Time = t.UTC()
	if d := get("review_duration"); d != "" {
		ms, err := strconv.ParseInt(d, 10, 64)
		if err != nil || ms < 0 || ms > int64(100*365*24*time.Hour/time.Millisecond) {
			return rv, fmt.Sprintf("review_duration %q is not a number of milliseconds", d)
		}
		rv.Duration = time.Duration(ms) * time.Millisecond
	}
	return rv, ""
}
