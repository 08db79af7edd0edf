package generate

// kind is the kind of a block of a parsed document.
type kind int

const (
	kPara    kind = iota // a paragraph of running text
	kHeading             // a heading; level says which
	kItem                // a list item; level is its nesting depth (1 = top)
	kQuote               // a block quotation
	kAttrib              // the line naming the speaker of the quotation before it
	kCode                // code or preformatted text: never made into cards
	kTable               // a table; rows holds its cells
	kTerm                // a defined term (HTML <dt>, "Term" above ": definition")
	kDef                 // the definition of the kTerm before it
	kBreak               // a thematic break: ends a list or a quotation
)

// block is one unit of a parsed document, its text already free of markup.
type block struct {
	kind  kind
	level int
	text
	start, end int // source lines, 1-based, inclusive
	// list numbers the list an item belongs to: consecutive items with the
	// same number form one list.
	list    int
	ordered bool
	// rows holds a table's cells, header row first when header is set.
	rows   [][]string
	header bool
	// keys is set when every row of a table starts with a header cell: a
	// table of properties ("Born | 7 November 1867").
	keys bool
	// code holds the text of a code block: never a card, but it tells which
	// words of the prose after it are identifiers.
	code string
	// codes holds the contents of the block's inline code spans, which no
	// cloze may hide.
	codes []string
}

// parsed is a document after parsing: its title (may be empty) and blocks.
type parsed struct {
	title  string
	blocks []block
}

// newBlock makes a block of kind k from built text spanning lines start–end.
func newBlock(k kind, t text, start, end int) block {
	return block{kind: k, text: t, start: start, end: end}
}
