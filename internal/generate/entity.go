package generate

import (
	"strings"
)

// docStats are facts about a whole document that single sentences cannot
// tell: which words are names (capitalised even inside sentences) and how
// often each name recurs.
type docStats struct {
	capInside   map[string]int // lower-cased word → capitalised uses inside sentences
	lowerInside map[string]int // lower-cased word → lower-case uses
	nameFreq    map[string]int // normalised name → sentences mentioning it
	names       map[[2]int][]cspan
}

// placeSuffixes follow a name to make a place or body: "Guangdong province".
var placeSuffixes = setOf(`province provinces city county river island islands state region district
mountains mountain lake sea ocean bay valley peninsula desert prefecture municipality village town
kingdom empire republic strait gulf coast basin plateau`)

// directions may precede a place: "northeastern China".
var directions = setOf(`north south east west northern southern eastern western northeast northwest
southeast southwest northeastern northwestern southeastern southwestern central`)

// orgWords mark a name as an organisation.
var orgWords = setOf(`party committee conference council ministry department university college
institute institution bank agency organization organisation association union foundation company
corporation inc ltd group commission congress parliament assembly court army navy office bureau
politburo academy society federation league club school hospital government`)

// notNames are capitalised words that do not start a name.
var notNames = setOf(`i monday tuesday wednesday thursday friday saturday sunday january february
march april may june july august september october november december mr mrs ms dr`)

// collectStats reads a document once for the facts in docStats.
func collectStats(blocks []block, sents [][]span) *docStats {
	st := &docStats{capInside: map[string]int{}, lowerInside: map[string]int{}, nameFreq: map[string]int{}, names: map[[2]int][]cspan{}}
	for bi := range blocks {
		for _, sp := range sents[bi] {
			toks := tokenize(sp.s)
			for i, t := range toks {
				if i == 0 || afterBreak(sp.s, toks, i) {
					continue
				}
				lw := strings.ToLower(possessiveBase(t.w))
				if isCapitalized(t.w) {
					st.capInside[lw]++
				} else {
					st.lowerInside[lw]++
				}
			}
		}
	}
	for bi := range blocks {
		for si, sp := range sents[bi] {
			ns := st.findNames(sp.s)
			st.names[[2]int{bi, si}] = ns
			seen := map[string]bool{}
			for _, n := range ns {
				key := strings.ToLower(sp.s[n.start:n.end])
				if !seen[key] {
					seen[key] = true
					st.nameFreq[key]++
				}
			}
		}
	}
	return st
}

// afterBreak reports a token that starts a new unit inside a sentence:
// after a colon, an opening quote or bracket, or a dash.
func afterBreak(s string, toks []tok, i int) bool {
	gap := strings.TrimSpace(s[toks[i-1].end:toks[i].start])
	return gap != "" && strings.ContainsAny(gap, `:"(-`)
}

func possessiveBase(w string) string {
	if strings.HasSuffix(w, "'s") {
		return w[:len(w)-2]
	}
	return strings.TrimSuffix(w, "'")
}

// properWord reports a word the document always capitalises.
func (st *docStats) properWord(w string) bool {
	lw := strings.ToLower(possessiveBase(w))
	return st.capInside[lw] > 0 && st.lowerInside[lw] == 0
}

// findNames finds names of people, places and organisations: runs of
// capitalised words ("Central Economic Work Conference"), joined by "of",
// "the" or "and" ("Politburo of the Communist Party of China"), with a
// place word after ("Guangdong province") or a direction before
// ("northeastern China"). A capitalised first word of a sentence counts
// only when something shows it is a name.
func (st *docStats) findNames(s string) []cspan {
	toks := tokenize(s)
	var out []cspan
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if !isCapitalized(t.w) || notNames[strings.ToLower(t.w)] || stopWords[strings.ToLower(t.w)] && !isAllCaps(t.w) {
			continue
		}
		initial := i == 0 || afterBreak(s, toks, i)
		j := i + 1 // end of the name, exclusive
		for j < len(toks) && joined(s, toks, j) {
			w := toks[j].w
			if isCapitalized(w) && !notNames[strings.ToLower(w)] && !stopWords[strings.ToLower(w)] {
				if strings.HasSuffix(toks[j-1].w, "'s") {
					break
				}
				j++
				continue
			}
			lw := strings.ToLower(w)
			if (lw == "of" || lw == "the" || lw == "and" || lw == "for" || lw == "de" || lw == "on") && !strings.HasSuffix(toks[j-1].w, "'s") {
				// A connector counts only inside a name: "Bank of England".
				k := j
				for k < len(toks) && joined(s, toks, k) && (strings.EqualFold(toks[k].w, "of") || strings.EqualFold(toks[k].w, "the") || strings.EqualFold(toks[k].w, "and") || strings.EqualFold(toks[k].w, "for") || strings.EqualFold(toks[k].w, "de") || strings.EqualFold(toks[k].w, "on")) {
					k++
				}
				if k < len(toks) && joined(s, toks, k) && isCapitalized(toks[k].w) && !stopWords[strings.ToLower(toks[k].w)] && lw != "and" {
					j = k
					continue
				}
			}
			break
		}
		// "Pioneer 11", "Apollo 13": a short number after a name is part of it.
		if j < len(toks) && joined(s, toks, j) && len(toks[j].w) <= 3 && strings.Trim(toks[j].w, "0123456789") == "" && !strings.HasSuffix(toks[j-1].w, "'s") {
			j++
		}
		suffix := j < len(toks) && joined(s, toks, j) && placeSuffixes[strings.ToLower(toks[j].w)] && !strings.HasSuffix(toks[j-1].w, "'s")
		if initial {
			evidence := j-i > 1 || isAllCaps(t.w) || suffix || st.properWord(t.w) || appositiveAfter(s, toks[j-1].end)
			if !evidence {
				continue
			}
		}
		if suffix {
			j++
		}
		start := t.start
		if i > 0 && joined(s, toks, i) && directions[strings.ToLower(toks[i-1].w)] {
			start = toks[i-1].start
		}
		end := toks[j-1].end
		if w := toks[j-1].w; strings.HasSuffix(w, "'s") {
			end -= 2
		} else if strings.HasSuffix(w, "'") {
			end--
		}
		name := s[start:end]
		out = append(out, cspan{start: start, end: end, kind: nameKind(name), score: nameScore(name)})
		i = j - 1
	}
	return out
}

// joined reports that token j follows token j-1 after a single space.
func joined(s string, toks []tok, j int) bool {
	return toks[j].start-toks[j-1].end == 1 && s[toks[j-1].end] == ' '
}

// appositiveAfter reports ", a ..." or ", the ..." right after offset off:
// "Hainan, an island province, ...".
func appositiveAfter(s string, off int) bool {
	rest := s[off:]
	return strings.HasPrefix(rest, ", a ") || strings.HasPrefix(rest, ", an ") || strings.HasPrefix(rest, ", the ")
}

func nameKind(name string) string {
	ws := strings.Fields(strings.ToLower(name))
	for _, w := range ws {
		switch {
		case orgWords[w]:
			return "org"
		case titleWords[strings.Trim(w, ".")]:
			return "person"
		case placeSuffixes[w] || directions[w]:
			return "place"
		}
	}
	return "name"
}

func nameScore(name string) float64 {
	switch nameKind(name) {
	case "org", "person":
		return 4.5
	case "place":
		return 4
	}
	if wordCount(name) > 1 {
		return 4
	}
	return 3.5
}

// mentions counts the sentences naming name; a one-word name counts its
// uses inside longer names too ("China" in "Communist Party of China").
func (st *docStats) mentions(name string) int {
	lw := strings.ToLower(name)
	n := st.nameFreq[lw]
	if !strings.Contains(lw, " ") {
		n = max(n, st.capInside[lw])
	}
	return n
}
