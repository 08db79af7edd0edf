package quiz

import (
	"math"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Class is the kind of an answer, used to find wrong options that look like
// the right one.
type Class string

// The answer classes, tried in this order.
const (
	ClassNone   Class = ""       // empty
	ClassList   Class = "list"   // several lines, or three or more short items on one line
	ClassYear   Class = "year"   // 1789, 44 BC, AD 79, c. 1500, 1990s
	ClassDate   Class = "date"   // 14 July 1789, July 14, 1789-07-14, 14/07/1789
	ClassNumber Class = "number" // 42, 3.14, -7, 1,000, 8 legs, 300,000 km/s, 25%, $5
	ClassProper Class = "proper" // a name: Paris, Marie Curie, Jean-Paul Sartre, Louis XIV
	ClassWord   Class = "word"   // one to three words that are not a name
	ClassPhrase Class = "phrase" // a longer line of text
)

// Classified is what Classify finds out about an answer.
type Classified struct {
	Class Class
	// Form is a finer shape within the class, so that look-alikes look
	// alike: a number's unit and whether it has decimals, the field order of
	// a date, the era style of a year, the layout of a list.
	Form string
	// Size places the answer within its class: the value of a year or
	// number, the day count of a date, the item count of a list, the length
	// in letters of anything else.
	Size float64
}

// Classify sorts an answer into a class.
func Classify(answer string) Classified {
	t := strings.TrimSpace(answer)
	if t == "" {
		return Classified{}
	}
	if strings.ContainsRune(t, '\n') {
		n := 0
		for _, l := range strings.Split(t, "\n") {
			if strings.TrimSpace(l) != "" {
				n++
			}
		}
		return Classified{Class: ClassList, Form: "lines", Size: float64(n)}
	}
	toks := strings.Fields(t)
	for i, w := range toks {
		toks[i] = strings.TrimRight(stripEdgeEmphasis(w), ",;:!?\"'”’»")
	}
	if y, form, ok := parseYear(toks); ok {
		return Classified{Class: ClassYear, Form: form, Size: y}
	}
	if d, form, ok := parseDate(toks); ok {
		return Classified{Class: ClassDate, Form: form, Size: d}
	}
	if v, form, ok := parseNumber(toks); ok {
		return Classified{Class: ClassNumber, Form: form, Size: v}
	}
	if n := inlineItems(t); n >= 3 {
		return Classified{Class: ClassList, Form: "inline", Size: float64(n)}
	}
	size := float64(utf8.RuneCountInString(t))
	switch {
	case isProper(toks):
		return Classified{Class: ClassProper, Size: size}
	case len(toks) <= 3:
		return Classified{Class: ClassWord, Size: size}
	}
	return Classified{Class: ClassPhrase, Size: size}
}

// eraOf reads an era marker: -1 before the common era, +1 after, 0 if tok
// is none.
func eraOf(tok string) int {
	switch strings.ToUpper(strings.ReplaceAll(tok, ".", "")) {
	case "BC", "BCE":
		return -1
	case "AD", "CE":
		return 1
	}
	return 0
}

// isDigits reports a non-empty run of ASCII digits.
func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// parseYear reads "1789", "44 BC", "AD 79", "c. 1500", "1990s". Without an
// era marker only four-digit years from 1000 to 2199 count, so that "365"
// stays a number.
func parseYear(toks []string) (float64, string, bool) {
	if len(toks) > 0 {
		switch strings.ToLower(toks[0]) {
		case "c.", "ca.", "c", "ca", "circa":
			toks = toks[1:]
		}
	}
	era := 0
	if len(toks) > 1 && eraOf(toks[0]) > 0 {
		era, toks = 1, toks[1:]
	} else if len(toks) == 2 {
		if era = eraOf(toks[1]); era == 0 {
			return 0, "", false
		}
		toks = toks[:1]
	}
	if len(toks) != 1 {
		return 0, "", false
	}
	num, form := strings.TrimSuffix(toks[0], "."), "plain"
	if d, ok := strings.CutSuffix(num, "s"); ok {
		num, form = strings.TrimSuffix(d, "'"), "decade"
	}
	if !isDigits(num) || len(num) > 4 {
		return 0, "", false
	}
	v, _ := strconv.Atoi(num)
	if era != 0 {
		if v == 0 {
			return 0, "", false
		}
		return float64(era * v), "era", true
	}
	if len(num) != 4 || v < 1000 || v > 2199 {
		return 0, "", false
	}
	return float64(v), form, true
}

var months = map[string]int{
	"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
	"july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
	"sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}

// dateSize orders dates: roughly the day number since year 0.
func dateSize(y, m, d int) float64 { return float64(y*372 + (m-1)*31 + d) }

// parseDate reads ISO dates (1789-07-14, 1789-07), numeric dates
// (14/07/1789, 14.07.1789) and dates with an English month name in any order
// (14 July 1789, July 14, 1789, July 1789, 14th of July). The form records the
// layout.
func parseDate(toks []string) (float64, string, bool) {
	if len(toks) == 1 {
		return parseNumericDate(strings.TrimSuffix(toks[0], "."))
	}
	if len(toks) > 5 {
		return 0, "", false
	}
	var y, m, d int
	var order []byte
	for i, tok := range toks {
		low := strings.ToLower(strings.TrimRight(tok, ".,"))
		switch {
		case low == "of" || low == "the":
			continue
		case months[low] > 0:
			if m > 0 {
				return 0, "", false
			}
			m = months[low]
			order = append(order, 'M')
			continue
		case eraOf(low) != 0 && y != 0 && i == len(toks)-1:
			y *= eraOf(low)
			continue
		}
		num := strings.TrimRight(low, "stndrh")
		if !isDigits(num) || len(num) > 4 {
			return 0, "", false
		}
		v, _ := strconv.Atoi(num)
		switch {
		case d == 0 && y == 0 && v >= 1 && v <= 31 && len(num) <= 2:
			d = v
			order = append(order, 'D')
		case y == 0 && num == low:
			y = v
			order = append(order, 'Y')
		default:
			return 0, "", false
		}
	}
	if m == 0 || len(order) < 2 {
		return 0, "", false
	}
	return dateSize(y, m, d), string(order), true
}

// parseNumericDate reads one token holding a date in digits.
func parseNumericDate(s string) (float64, string, bool) {
	if len(s) < 6 || s[0] < '0' || s[0] > '9' {
		return 0, "", false
	}
	if len(s) >= 7 && s[4] == '-' {
		parts := strings.Split(s, "-")
		if len(parts) > 3 || len(parts[0]) != 4 {
			return 0, "", false
		}
		ns, ok := digitParts(parts)
		if !ok || ns[1] < 1 || ns[1] > 12 || len(ns) == 3 && (ns[2] < 1 || ns[2] > 31) {
			return 0, "", false
		}
		d := 0
		if len(ns) == 3 {
			d = ns[2]
		}
		return dateSize(ns[0], ns[1], d), "iso", true
	}
	for _, sep := range []string{"/", ".", "-"} {
		parts := strings.Split(s, sep)
		if len(parts) != 3 || len(parts[0]) > 2 || len(parts[1]) > 2 || len(parts[2]) != 2 && len(parts[2]) != 4 {
			continue
		}
		ns, ok := digitParts(parts)
		if !ok {
			return 0, "", false
		}
		d, m := ns[0], ns[1]
		if m > 12 {
			d, m = m, d
		}
		if d < 1 || d > 31 || m < 1 || m > 12 {
			return 0, "", false
		}
		return dateSize(ns[2], m, d), "numeric" + sep, true
	}
	return 0, "", false
}

func digitParts(parts []string) ([]int, bool) {
	ns := make([]int, len(parts))
	for i, p := range parts {
		if !isDigits(p) {
			return nil, false
		}
		ns[i], _ = strconv.Atoi(p)
	}
	return ns, true
}

// parseNumber reads a number with an optional sign, currency sign, percent
// sign and up to two unit words: "42", "-3.5", "1,000", "8 legs",
// "300,000 km/s", "25%", "$5", "1.5 million". The form is the unit and
// "int" or "dec", so that whole numbers get whole numbers as wrong options
// and metres get metres.
func parseNumber(toks []string) (float64, string, bool) {
	if len(toks) == 0 || len(toks) > 3 {
		return 0, "", false
	}
	body := strings.TrimSuffix(toks[0], ".")
	var unit []string
	neg := false
	for {
		r, n := utf8.DecodeRuneInString(body)
		switch r {
		case '-', '−':
			neg = true
		case '+', '~', '≈':
		case '$', '€', '£', '¥':
			unit = append(unit, string(r))
		default:
			n = 0
		}
		if n == 0 {
			break
		}
		body = body[n:]
	}
	if s, ok := strings.CutSuffix(body, "%"); ok {
		body, unit = s, append(unit, "%")
	}
	v, dec, ok := parseDecimal(body)
	if !ok {
		return 0, "", false
	}
	for _, u := range toks[1:] {
		r, _ := utf8.DecodeRuneInString(u)
		if unicode.IsDigit(r) || utf8.RuneCountInString(u) > 12 || !strings.ContainsFunc(u, unicode.IsLetter) && !strings.ContainsAny(u, "%°") {
			return 0, "", false
		}
		unit = append(unit, strings.ToLower(strings.TrimSuffix(u, ".")))
	}
	if neg {
		v = -v
	}
	form := "int"
	if dec {
		form = "dec"
	}
	return v, strings.Join(unit, " ") + "|" + form, true
}

// parseDecimal reads digits with thousands separators and a decimal point
// or comma: "1,000" and "1 000" are a thousand, "3,14" and "3.14" are pi.
func parseDecimal(s string) (v float64, dec, ok bool) {
	if s == "" || !strings.ContainsAny(s[:1], "0123456789.,") {
		return 0, false, false
	}
	digits := 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= '0' && c <= '9':
			digits++
		case c == ',' || c == '.' || c == '\'' || c == '_':
		default:
			return 0, false, false
		}
	}
	if digits == 0 {
		return 0, false, false
	}
	// The last separator is a decimal mark unless exactly three digits follow
	// it and it is a comma (1,000) or repeated (1.000.000).
	last := strings.LastIndexAny(s, ",.")
	intPart, frac := s, ""
	if last >= 0 {
		sep := s[last]
		grouping := len(s)-last-1 == 3 && (sep == ',' || strings.Count(s, string(sep)) > 1)
		if !grouping {
			intPart, frac = s[:last], s[last+1:]
		}
	}
	intPart = strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return r
		}
		return -1
	}, intPart)
	if intPart == "" {
		intPart = "0"
	}
	if frac != "" && !isDigits(frac) {
		return 0, false, false
	}
	f, err := strconv.ParseFloat(intPart+"."+frac+"0", 64)
	if err != nil || math.IsInf(f, 0) {
		return 0, false, false
	}
	return f, frac != "", true
}

// inlineItems counts the items of a one-line list such as "red, green and
// blue"; it returns 0 when any item is empty or longer than four words.
func inlineItems(t string) int {
	if strings.IndexByte(t, ',') < 0 && strings.IndexByte(t, ';') < 0 {
		return 0
	}
	parts := strings.FieldsFunc(t, func(r rune) bool { return r == ',' || r == ';' })
	n := 0
	for i, p := range parts {
		items := []string{p}
		if i == len(parts)-1 {
			for _, conj := range []string{" and ", " or ", " & "} {
				if a, b, ok := strings.Cut(p, conj); ok {
					items = []string{a, b}
					break
				}
			}
		}
		for _, it := range items {
			w := len(strings.Fields(strings.TrimPrefix(strings.TrimSpace(it), "and ")))
			if w == 0 || w > 4 {
				return 0
			}
			n++
		}
	}
	return n
}

// connectors are the lower-case words allowed inside a name: "Leonardo da
// Vinci", "Isle of Man", "Charles de Gaulle".
var connectors = map[string]bool{
	"of": true, "the": true, "and": true, "&": true, "on": true, "upon": true, "in": true,
	"de": true, "du": true, "des": true, "la": true, "le": true, "les": true, "d'": true,
	"von": true, "van": true, "der": true, "den": true, "zu": true,
	"da": true, "di": true, "del": true, "della": true, "y": true, "e": true,
	"al": true, "bin": true, "ibn": true,
}

// isProper reports a name: up to six words, the first capitalised, the
// others capitalised, numbers (Apollo 11, Louis XIV) or connectors.
func isProper(toks []string) bool {
	if len(toks) == 0 || len(toks) > 6 {
		return false
	}
	letters := false
	for i, tok := range toks {
		w := strings.TrimLeftFunc(tok, func(r rune) bool { return isOpenPunct(r) || r == '(' })
		w = strings.TrimRightFunc(w, func(r rune) bool { return isClosePunct(r) || r == ')' })
		if w == "" {
			return false
		}
		r, _ := utf8.DecodeRuneInString(w)
		switch {
		case unicode.IsUpper(r):
			letters = true
		case i > 0 && (unicode.IsDigit(r) || connectors[w]):
		default:
			return false
		}
	}
	return letters
}
