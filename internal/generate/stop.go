package generate

import "strings"

// finiteVerbs make a clause a sentence: "Innovations should be applied
// to X" is one, "Significant increase in productivity" is not.
var finiteVerbs = setOf(`is are was were will would shall should can could may might must has have
had does do did`)

// closingStop returns the full stop a cloze prompt lacks, or "".
//
// A list item or a line of plain text often ends without a stop. A cloze
// is read as a sentence, and a sentence that ends without a stop looks cut
// off, as if more were hidden after it; so a complete sentence (a finite
// verb, or an instruction opening with a verb) gets its stop. A phrase
// ("Git 2.7 or later") is no sentence and stays as written: a stop would
// make it read as a broken one. A prompt that already ends in punctuation
// or is cut ("…") is left alone.
func closingStop(text string) string {
	t := strings.TrimSpace(text)
	if t == "" || strings.HasSuffix(t, "…") || strings.HasSuffix(t, "...") {
		return ""
	}
	switch t[len(t)-1] {
	case '.', '!', '?', ':', ';', ',', '"', '\'', ')', ']':
		return ""
	}
	ws := words(t)
	if len(ws) < 5 || !isCapitalized(ws[0]) {
		return ""
	}
	if isBaseVerb(strings.ToLower(ws[0])) {
		return "."
	}
	for _, w := range ws[1:] {
		if finiteVerbs[strings.ToLower(w)] {
			return "."
		}
	}
	return ""
}
