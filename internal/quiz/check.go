package quiz

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// CheckOptions control how forgiving Check is.
type CheckOptions struct {
	// IgnoreAccents accepts "Zurich" for "Zürich".
	IgnoreAccents bool
}

// Verdict is the judgement of one answer.
type Verdict struct {
	// Correct says whether the answer counts.
	Correct bool
	// Exact is false when the answer counts only by forgiveness (case,
	// punctuation, an article, a slip...). An answer that matches a listed
	// answer up to surrounding white space is exact.
	Exact bool
	// Expected is the right answer as it should be shown.
	Expected string
	// Diff marks the difference between Expected (or the nearest accepted
	// answer) and the given text, in CharDiff markup; only for a wrong typed
	// or cloze answer.
	Diff string
}

// Check judges an answer to q.
//
// Typed and cloze answers count when they equal the answer, one of its
// " / " alternatives or one of q.Accept after folding (case, surrounding
// white space and sentence punctuation, inner white-space runs, Markdown
// emphasis, accents when opt.IgnoreAccents, one leading article), or when
// they are within a small edit distance of one: none up to 3 letters, 1 up to
// 7, 2 from 8. Digits must always match, and a number or a year must match
// exactly. Nothing else is forgiven.
//
// For mc, given may be an option's text (judged as above, and it must not
// fit another option as well) or its 1-based number; a text that equals an
// option wins over a number. For tf, "t", "true", "yes", "y" and "1" mean
// True, and "f", "false", "no", "n" and "2" mean False. An mc or tf answer
// that names no option is wrong.
func Check(q Question, given string, opt CheckOptions) Verdict {
	switch q.Kind {
	case KindMC, KindTF:
		v := Verdict{}
		if q.Correct >= 0 && q.Correct < len(q.Options) {
			v.Expected = q.Options[q.Correct]
		}
		i, exact, ok := choose(q, given, opt)
		v.Correct = ok && i == q.Correct
		v.Exact = v.Correct && exact
		return v
	}
	return checkTyped(q, given, opt)
}

// ChoiceIndex reports which option of an mc or tf question given names, so
// that a prompt can ask again on input that names none.
func ChoiceIndex(q Question, given string, opt CheckOptions) (int, bool) {
	i, _, ok := choose(q, given, opt)
	return i, ok
}

// choose finds the option named by given; exact is false when it was found
// only by forgiveness.
func choose(q Question, given string, opt CheckOptions) (index int, exact, ok bool) {
	g := clean(given)
	if g == "" {
		return 0, false, false
	}
	if q.Kind == KindTF {
		switch strings.ToLower(strings.TrimRightFunc(g, isClosePunct)) {
		case "t", "true", "yes", "y", "1":
			return 0, true, true
		case "f", "false", "no", "n", "2":
			return 1, true, true
		}
	}
	for i, o := range q.Options {
		if g == clean(o) {
			return i, true, true
		}
	}
	fg := fold(g, opt.IgnoreAccents)
	if i, ok := uniqueOption(q.Options, func(o string) bool { return fold(o, opt.IgnoreAccents) == fg }); ok {
		return i, false, true
	}
	if n, err := strconv.Atoi(g); err == nil && n >= 1 && n <= len(q.Options) {
		return n - 1, true, true
	}
	if i, ok := uniqueOption(q.Options, func(o string) bool { return forgives(fg, o, opt) }); ok {
		return i, false, true
	}
	return 0, false, false
}

// uniqueOption returns the only option that fits, if exactly one does.
func uniqueOption(options []string, fits func(string) bool) (int, bool) {
	found := -1
	for i, o := range options {
		if fits(o) {
			if found >= 0 {
				return 0, false
			}
			found = i
		}
	}
	return found, found >= 0
}

func checkTyped(q Question, given string, opt CheckOptions) Verdict {
	v := Verdict{Expected: q.Answer}
	g := clean(given)
	forms := acceptedForms(q.Answer, q.Accept)
	if g != "" {
		for _, f := range forms {
			if g == clean(f) {
				v.Correct, v.Exact = true, true
				return v
			}
		}
		fg := fold(g, opt.IgnoreAccents)
		for _, f := range forms {
			if forgives(fg, f, opt) {
				v.Correct = true
				return v
			}
		}
	}
	v.Diff = CharDiff(nearestForm(forms, g), g)
	return v
}

// clean is the form compared for an exact match: NFC without surrounding
// white space.
func clean(s string) string {
	return strings.TrimSpace(norm.NFC.String(s))
}

// forgives reports whether the folded answer fg counts for the accepted
// form want.
func forgives(fg, want string, opt CheckOptions) bool {
	fw := fold(want, opt.IgnoreAccents)
	if fg == "" || fw == "" {
		return false
	}
	if fg == fw {
		return true
	}
	if digitRuns(fg) != digitRuns(fw) {
		return false
	}
	if c := Classify(want).Class; c == ClassNumber || c == ClassYear {
		return false
	}
	return withinDistance([]rune(fw), []rune(fg), slips(utf8.RuneCountInString(fw)))
}

// slips is the edit distance forgiven for an answer of n letters.
func slips(n int) int {
	switch {
	case n <= 3:
		return 0
	case n <= 7:
		return 1
	}
	return 2
}

// digitRuns lists the digit sequences of s, so that "Apollo 11" and
// "Apollo 12" never pass for each other however close they are.
func digitRuns(s string) string {
	var b strings.Builder
	in := false
	for _, r := range s {
		if unicode.IsDigit(r) {
			b.WriteRune(r)
			in = true
		} else if in {
			b.WriteByte(' ')
			in = false
		}
	}
	return b.String()
}

// nearestForm picks the accepted form closest to the given text, for the
// diff shown with a wrong answer.
func nearestForm(forms []string, g string) string {
	best, bestD := clean(forms[0]), -1
	if len(forms) == 1 || len(g) > 500 {
		return best
	}
	gr := []rune(strings.ToLower(g))
	for _, f := range forms {
		d := distance([]rune(strings.ToLower(clean(f))), gr)
		if bestD < 0 || d < bestD {
			best, bestD = clean(f), d
		}
	}
	return best
}

// withinDistance reports whether the optimal-string-alignment distance
// (insertions, deletions, substitutions and swaps of neighbours) between a
// and b is at most k. Only cells within k of the diagonal can stay within
// k, so the work is O(len·k), not O(len²).
func withinDistance(a, b []rune, k int) bool {
	if d := len(a) - len(b); d > k || -d > k {
		return false
	}
	inf := k + 1
	prev2 := make([]int, len(b)+1)
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = min(j, inf)
	}
	for i := 1; i <= len(a); i++ {
		lo, hi := max(1, i-k), min(len(b), i+k)
		cur[lo-1] = inf
		if lo == 1 {
			cur[0] = min(i, inf)
		}
		best := cur[lo-1]
		for j := lo; j <= hi; j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			d := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				d = min(d, prev2[j-2]+1)
			}
			cur[j] = min(d, inf)
			best = min(best, cur[j])
		}
		if hi+1 <= len(b) {
			cur[hi+1] = inf
		}
		if best > k {
			return false
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(b)] <= k
}

// distance is the optimal-string-alignment distance between a and b.
func distance(a, b []rune) int {
	prev2 := make([]int, len(b)+1)
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			d := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				d = min(d, prev2[j-2]+1)
			}
			cur[j] = d
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(b)]
}
