package importer

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// sniffRecords is how many records the delimiter sniffer looks at.
const sniffRecords = 50

// delimiterCandidates are tried in order; the first wins a tie.
var delimiterCandidates = []rune{'\t', ',', ';', '|'}

// sniffDelimiter parses the first records of text with each candidate under
// RFC 4180 quoting and picks the one whose field count is the most consistent
// and at least 2. It returns 0 when no candidate splits the text. Unlike a
// first-found rule this does not read "a,b: c" as colon-separated.
func sniffDelimiter(text string, startLine int) (delim rune, fields int) {
	best, bestScore, bestCount := rune(0), -1.0, 0
	for _, d := range delimiterCandidates {
		if !strings.ContainsRune(text, d) {
			continue
		}
		counts := map[int]int{}
		n := 0
		rr := newRecordReader(text, d, startLine)
		for n < sniffRecords {
			rec, lerr, ok := rr.next()
			if !ok {
				break
			}
			if lerr != nil || rec.blank() {
				continue
			}
			counts[len(rec.fields)]++
			n++
		}
		mode, modeN := 0, 0
		for c, k := range counts {
			if k > modeN || (k == modeN && c > mode) {
				mode, modeN = c, k
			}
		}
		if mode < 2 || n == 0 {
			continue
		}
		score := float64(modeN) / float64(n)
		if score > bestScore {
			best, bestScore, bestCount = d, score, mode
		}
	}
	return best, bestCount
}

// knownColumns are header cells that name a column recall understands.
var knownColumns = map[string]string{
	"front": "front", "question": "front", "term": "front", "word": "front", "text": "front",
	"back": "back", "answer": "back", "definition": "back", "meaning": "back", "translation": "back",
	"tags": "tags", "tag": "tags",
	"deck":  "deck",
	"guid":  "guid",
	"id":    "id",
	"extra": "extra", "back extra": "extra", "notes": "extra", "note": "extra",
	"type": "type",
}

// isHeader decides whether the first record names the columns (FORMATS §3.7).
// All cells being known names settles it. Otherwise the cells must be short,
// distinct, non-numeric and never recur in the file, and, because a first
// card like "chien,dog" passes those tests too, at least one column must also
// look different from its data (numbers under a word, or cells of one fixed
// length under a header of another), as spreadsheet sniffers check.
func isHeader(first record, rest []record) bool {
	known := true
	for _, c := range first.fields {
		if _, ok := knownColumns[strings.ToLower(strings.TrimSpace(c))]; !ok {
			known = false
		}
	}
	if known {
		return true
	}
	seen := map[string]bool{}
	for _, c := range first.fields {
		c = strings.TrimSpace(c)
		if c == "" || utf8.RuneCountInString(c) > 30 || seen[c] || isNumber(c) {
			return false
		}
		seen[c] = true
	}
	for _, r := range rest {
		for _, c := range r.fields {
			if seen[strings.TrimSpace(c)] {
				return false
			}
		}
	}
	vote := 0
	for j, h := range first.fields {
		h = strings.TrimSpace(h)
		numeric, sameLen, n := true, true, 0
		length := -1
		for _, r := range rest {
			if n == sniffRecords {
				break
			}
			if j >= len(r.fields) {
				continue
			}
			c := strings.TrimSpace(r.fields[j])
			n++
			numeric = numeric && isNumber(c)
			l := utf8.RuneCountInString(c)
			if length < 0 {
				length = l
			}
			sameLen = sameLen && l == length
		}
		switch {
		case n == 0:
		case numeric:
			vote++
		case sameLen && utf8.RuneCountInString(h) != length:
			vote++
		case sameLen:
			vote--
		}
	}
	return vote > 0
}

func isNumber(s string) bool {
	_, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	return err == nil
}
