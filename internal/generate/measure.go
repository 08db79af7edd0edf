package generate

import "strings"

// A sentence that states a measure or an instruction ("We will deepen
// reforms ...", "Innovations should be applied to ...") often holds no
// date, number or name, yet what it asks to act on is the fact to learn.
// measureSpans finds that object of each of its verbs.

// modals introduce the verb of a measure.
var modals = setOf(`will shall should must need needs aim aims plan plans intend intends`)

// measureFillers stand between a modal and its verb: "will further
// deepen", "should be applied", "need to develop".
var measureFillers = setOf(`to be also further continue continuously always still actively vigorously`)

// objectPreps may stand between a verb and its object: "applied to X",
// "capitalize on X".
var objectPreps = setOf(`to on in into for with from upon`)

// maxObjectWords bounds the object a measure cloze hides.
const maxObjectWords = 10

// measureSpans returns the objects of the verbs of an instruction or a
// stated measure; nil when s is neither.
func measureSpans(s string) []cspan {
	toks := tokenize(s)
	if len(toks) < 4 {
		return nil
	}
	v := -1
	for k := 0; k < len(toks) && k < 3; k++ {
		lw := strings.ToLower(toks[k].w)
		if measureFillers[lw] {
			continue
		}
		if isBaseVerb(lw) {
			// An instruction: "Strengthen ...", "Further deepen ...".
			v = k
		}
		break
	}
	if v < 0 {
		for k, t := range toks {
			if modals[strings.ToLower(t.w)] && k > 0 {
				v = verbAfter(toks, k+1)
				break
			}
		}
	}
	var out []cspan
	for v >= 0 && v < len(toks) {
		c, next, ok := objectOf(s, toks, v)
		if ok {
			out = append(out, c)
		}
		v = next
	}
	return out
}

// verbAfter returns the index of the verb at or after toks[k], past
// fillers ("to", "be", "further"), or -1.
func verbAfter(toks []tok, k int) int {
	for ; k < len(toks); k++ {
		lw := strings.ToLower(toks[k].w)
		if measureFillers[lw] || strings.HasSuffix(lw, "ly") {
			continue
		}
		if stopWords[lw] || isCapitalized(toks[k].w) {
			return -1
		}
		return k
	}
	return -1
}

// objectOf finds the object of the verb toks[v]: after an optional
// preposition, up to the end of its clause. It also returns where the
// next coordinated verb is ("... and form X"), or -1.
func objectOf(s string, toks []tok, v int) (cspan, int, bool) {
	k := v + 1
	if k < len(toks) && objectPreps[strings.ToLower(toks[k].w)] {
		k++
	}
	// "develop it based on X": the pronoun is the thing, X the fact.
	if k+2 < len(toks) && pronouns[strings.ToLower(toks[k].w)] && strings.HasSuffix(toks[k+1].w, "ed") && objectPreps[strings.ToLower(toks[k+2].w)] || k+2 < len(toks) && toks[k+2].w == "on" && pronouns[strings.ToLower(toks[k].w)] {
		k += 3
	}
	// "the reform of X": X is what is reformed.
	if k+2 < len(toks) && strings.EqualFold(toks[k].w, "the") && toks[k+2].w == "of" && !joinedByComma(s, toks, k+1) {
		k += 3
	}
	for k < len(toks) && (strings.EqualFold(toks[k].w, "the") || strings.EqualFold(toks[k].w, "a") || strings.EqualFold(toks[k].w, "an")) {
		k++
	}
	if k >= len(toks) {
		return cspan{}, -1, false
	}
	start := toks[k].start
	end, next := start, -1
	for j := k; j < len(toks); j++ {
		t := toks[j]
		lw := strings.ToLower(t.w)
		if j > k && stopsObject(s, toks, j) {
			if lw == "and" && j+1 < len(toks) && isBaseVerb(strings.ToLower(toks[j+1].w)) {
				next = j + 1
			}
			if lw == "to" && j <= k+2 {
				// "make every effort to eliminate X": a short object
				// before "to" is a manner of acting; X is the object.
				next = j + 1
				end = start
			}
			break
		}
		end = t.end
		if j+1 < len(toks) && strings.ContainsAny(s[t.end:toks[j+1].start], ",;:.()\"") {
			if strings.HasPrefix(strings.TrimSpace(s[t.end:toks[j+1].start]), ",") && strings.EqualFold(toks[j+1].w, "and") && j+2 < len(toks) && isBaseVerb(strings.ToLower(toks[j+2].w)) {
				next = j + 2
			}
			break
		}
	}
	obj := s[start:end]
	n := wordCount(obj)
	if n == 0 || n > maxObjectWords || !hasContent(obj) || pronouns[strings.ToLower(strings.Fields(obj)[0])] {
		return cspan{}, next, false
	}
	cw := contentWords(obj)
	weak := true
	for _, w := range cw {
		if !weakWords[w] {
			weak = false
		}
	}
	if weak {
		return cspan{}, next, false
	}
	return cspan{start: start, end: end, kind: "measure", score: 3}, next, true
}

// stopsObject reports a word that ends an object: a clause word, "and"
// before another verb, "to" before a verb, "in a ..." (a manner), or a
// participle that starts a qualifying phrase.
func stopsObject(s string, toks []tok, j int) bool {
	lw := strings.ToLower(toks[j].w)
	var next string
	if j+1 < len(toks) {
		next = strings.ToLower(toks[j+1].w)
	}
	switch {
	case clauseWords[lw]:
		return true
	case lw == "and" && isBaseVerb(next):
		return true
	case lw == "to" && next != "" && !stopWords[next]:
		return true
	case lw == "in" && (next == "a" || next == "an" || next == "order"):
		return true
	case lw == "suitable" || lw == "so" || lw == "because" || lw == "while" || lw == "through" || lw == "by":
		return true
	}
	return false
}

// joinedByComma reports a comma right after toks[k].
func joinedByComma(s string, toks []tok, k int) bool {
	return toks[k].end < len(s) && s[toks[k].end] == ','
}
