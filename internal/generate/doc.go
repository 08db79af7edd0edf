// Package generate turns a person's own documents (plain text, Markdown,
// HTML) into flashcards, the way a careful teacher would write them, without
// a network or a language model.
//
// A document is first decoded (UTF-8, UTF-16 with a byte order mark, or
// Latin-1) and parsed into blocks: headings, paragraphs, list items,
// quotations, tables and code. Markup never reaches a card: HTML scripts,
// styles and navigation are dropped, Markdown emphasis and link syntax are
// removed, typographic quotes and dashes are folded to plain ones.
//
// Rules then read the blocks section by section:
//
//   - a heading that is a question becomes a card answered by the section's
//     first sentence or labelled definition; a vague question ("Why is it
//     important?") is made to name its topic;
//   - labelled lines ("Definition: ...", "Driving factors: a, b, c") and
//     definitions ("X is a Y", "X refers to Y", "Term, a Y, ...") become
//     questions about the topic;
//   - lists and in-sentence enumerations become enumeration cards and
//     clozes;
//   - facts in sentences (dates, numbers, names of places, organisations and
//     people, quoted terms, the objects of "such as") become clozes;
//   - a sentence that states a measure or an instruction ("We will
//     deepen ...", "... should be applied to X") and holds no other fact
//     becomes a cloze on what it acts on; a "How ...?" section whose
//     paragraphs each lead a list is answered by those paragraphs;
//   - quotations with a speaker become "Who said ...?" cards, a long one
//     shown by its first clause or dozen words and "…"; the speaker's
//     claims in it are not asked again as definitions; "X said it would
//     "..."" becomes "What did X say it would do (at <event>)?";
//   - tables become one question per cell ("What is the capital of
//     France?"), tables of properties questions about the page's subject
//     ("When was Marie Curie born?"); "Q:"/"A:" lines become a card as
//     they stand.
//
// A definition too long for one answer is given clause by clause, never
// cut mid-definition, each line an item of its own (no leading "and", no
// repeated subject), and a definition whose term carries an aside
// becomes a cloze that keeps the aside. Cloze prompts leave out labels
// such as "Background:", and a prompt past thirty words is cut to the
// clause that holds its deletion. A deletion hiding a list says how many
// items it hides, or "examples" when the sentence leaves the list open
// ("and other X"); a cloze of a complete sentence ends with a stop.
//
// A cloze whose sentence does not say what it is about ("The plan was
// first proposed ...", "Bulk ferment for ...") gets its section heading or
// the document's topic in front, and a leading "It" is replaced by the name
// it stands for.
//
// Technical text is read as such: no cloze hides inline code or part of a
// code-like word (a flag, a path, "$EDITOR", "card_id", a mode such as
// "0600"); "Name: export your ..." is an instruction, asked "How ...?"
// from its section heading or not at all; a table keyed by numbers asks
// with its header and section ("What does exit code 0 mean?"); a heading
// naming a call ("distance(p, q)") asks what the call does.
//
// Filters then drop cards whose answer is empty, trivial or too long to
// recall (about 25 words, enumerations aside), cards with markup left in
// them, and near-duplicates: the same question, the same answer to a
// similar question, or a cloze asking what another card from the same
// passage already asks. Everything is deterministic: the same input gives
// the same cards in document order.
//
// Each card keeps a source anchor (file, line range, hash and text of the
// passage) and an ID derived from the deck name, the passage text, the rule
// that made it and its front — never from line numbers — so cards keep their
// IDs (and their review history) when unrelated parts of the document are
// edited.
package generate
