package generate

import (
	"fmt"
	"path/filepath"
	"strings"
	"unicode"

	"recall/internal/deck"
)

// Options steers generation.
type Options struct {
	// Deck names the deck; by default the first document's title (its first
	// heading, <title> or short first line) or file name.
	Deck string
	// Max keeps only the best Max cards when positive.
	Max int
	// Types limits the card types made; empty means basic and cloze. Typed
	// turns basic cards with short answers into typed-answer cards and
	// Reversed turns definitions into two-sided cards; multiple-choice
	// cards are left to the quiz, which picks their wrong options.
	Types []deck.Type
}

// Document is one input: Name is the path as given ("-" for standard
// input), Data its bytes.
type Document struct {
	Name string
	Data []byte
}

// Generate turns documents into one deck, cards in document order. The
// result depends only on the input: the same documents and options always
// give the same cards with the same IDs.
func Generate(docs []Document, opt Options) (deck.Deck, error) {
	if len(docs) == 0 {
		return deck.Deck{}, fmt.Errorf("no documents to make cards from")
	}
	if err := checkTypes(opt.Types); err != nil {
		return deck.Deck{}, err
	}
	type input struct {
		name string
		doc  parsed
	}
	inputs := make([]input, 0, len(docs))
	for _, d := range docs {
		p, err := parseDocument(d)
		if err != nil {
			return deck.Deck{}, fmt.Errorf("%s: %w", displayName(d.Name), err)
		}
		inputs = append(inputs, input{d.Name, p})
	}
	name := strings.TrimSpace(opt.Deck)
	if name == "" {
		name = defaultDeckName(inputs[0].name, inputs[0].doc.title)
	}
	g := &generator{deckName: name, opt: opt}
	var names []string
	for i, in := range inputs {
		g.document(i, in.name, in.doc)
		names = append(names, in.name)
	}
	cards := g.finish()
	if len(cards) == 0 && g.typeFiltered > 0 {
		return deck.Deck{}, &TypesFilteredError{Docs: displayNames(names), Types: opt.Types, Removed: g.typeFiltered}
	}
	if len(cards) == 0 {
		return deck.Deck{}, fmt.Errorf("%s: found nothing to make cards from. Cards come from headings that ask a question, "+
			"\"Label: text\" lines, definitions (\"X is Y\"), lists, and sentences with dates, numbers, names or quotes", strings.Join(displayNames(names), ", "))
	}
	return deck.Deck{Name: name, Source: strings.Join(names, ", "), Cards: cards}, nil
}

// TypesFilteredError says the documents gave cards, but none of the types
// Options.Types asked for.
type TypesFilteredError struct {
	Docs    []string
	Types   []deck.Type
	Removed int // cards found of other types
}

// Error names the documents, the count and the types; the caller, which
// knows how the types were asked for, adds what to do.
func (e *TypesFilteredError) Error() string {
	cards := fmt.Sprintf("%d cards were", e.Removed)
	if e.Removed == 1 {
		cards = "1 card was"
	}
	return fmt.Sprintf("%s: %s found, none of the types asked for (%s)", strings.Join(e.Docs, ", "), cards, e.TypeNames())
}

// TypeNames lists the types asked for, separated by commas.
func (e *TypesFilteredError) TypeNames() string {
	names := make([]string, len(e.Types))
	for i, t := range e.Types {
		names[i] = string(t)
	}
	return strings.Join(names, ",")
}

func checkTypes(types []deck.Type) error {
	makes := false
	for _, t := range types {
		if !t.Valid() {
			return fmt.Errorf("unknown card type %q (want basic, cloze, typed or reversed)", t)
		}
		makes = makes || t != deck.Choice
	}
	if len(types) > 0 && !makes {
		return fmt.Errorf("generate makes basic, cloze, typed and reversed cards; multiple-choice questions come from the quiz, which picks their wrong options")
	}
	return nil
}

func displayName(name string) string {
	if name == "-" || name == "" {
		return "standard input"
	}
	return name
}

func displayNames(names []string) []string {
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = displayName(n)
	}
	return out
}

// parseDocument decodes and parses one document, refusing binary data and
// documents without text.
func parseDocument(d Document) (parsed, error) {
	text, err := decodeText(d.Data)
	if err != nil {
		return parsed{}, err
	}
	text = cleanRaw(text)
	if !hasLetters(text) {
		return parsed{}, ErrEmpty
	}
	var p parsed
	switch detectFormat(d.Name, text) {
	case formatHTML:
		p = parseHTML(text, 1)
	case formatMarkdown:
		p = parseLines(text, false)
	default:
		p = parseLines(text, true)
	}
	if p.title == "" {
		p.title = firstTitle(p.blocks)
	}
	for _, b := range p.blocks {
		if b.kind != kCode && b.kind != kBreak && (hasLetters(b.s) || b.kind == kTable) {
			return p, nil
		}
	}
	return parsed{}, ErrEmpty
}

func hasLetters(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

// firstTitle is the text of the heading that opens the document, if one
// does: a heading after the first paragraph names a section, not the
// document.
func firstTitle(blocks []block) string {
	for _, b := range blocks {
		switch b.kind {
		case kHeading:
			return b.s
		case kCode, kBreak:
			continue
		}
		return ""
	}
	return ""
}

// format is a document's markup language.
type format int

const (
	formatText format = iota
	formatMarkdown
	formatHTML
)

// detectFormat goes by the file extension, then by content for standard
// input and unknown extensions.
func detectFormat(name, text string) format {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".html", ".htm", ".xhtml":
		return formatHTML
	case ".md", ".markdown", ".mdown", ".mkd", ".mkdn", ".mdx":
		return formatMarkdown
	case ".txt", ".text":
		return formatText
	}
	head := strings.ToLower(strings.TrimSpace(text[:min(len(text), 4096)]))
	if strings.HasPrefix(head, "<!doctype html") || strings.HasPrefix(head, "<html") ||
		strings.Contains(head, "<body") || strings.Count(head, "<p>")+strings.Count(head, "<div") >= 3 {
		return formatHTML
	}
	for _, l := range strings.Split(head, "\n") {
		if reATX.MatchString(l) && strings.HasPrefix(l, "#") || strings.HasPrefix(l, "```") || strings.Contains(l, "](") {
			return formatMarkdown
		}
	}
	return formatText
}

// defaultDeckName is the document's title or, failing that, its file
// name without extension made readable ("new-productive-forces.txt" →
// "New productive forces").
func defaultDeckName(name, title string) string {
	if title != "" {
		return title
	}
	if name == "-" || name == "" {
		return "Notes"
	}
	return stemTitle(name)
}

func stemTitle(name string) string {
	stem := strings.TrimSuffix(filepath.Base(name), filepath.Ext(name))
	stem = strings.NewReplacer("-", " ", "_", " ", ".", " ").Replace(stem)
	stem = collapseSpaces(stem)
	if stem == "" {
		return "Notes"
	}
	return upperFirst(stem)
}
