// Package quiz builds quizzes from cards, judges answers and scores a run.
//
// Building and judging are pure logic with no store; Session (session.go)
// runs a quiz through a small prompt interface and writes its feedback to a
// writer, so it too runs without a terminal in tests. The caller passes the cards, a
// seeded *rand.Rand (math/rand/v2) and, for a quiz of weak cards, a function
// that rates a card's weakness; the same seed and the same cards in the same
// order give the same quiz.
//
// # Question kinds
//
// Multiple choice shows the right answer among three wrong ones. A card's own
// wrong options (Card.Wrong) come first; the rest are answers of other cards
// of the same deck that look alike: the same class of answer (a year for a
// year, a date for a date, a number with the same unit for a number, a proper
// name for a proper name, a list for a list, see Classify), of similar length
// or value, and from the same side of the card (the front of a reversed note
// is not offered as the answer to its back). An option is never empty and
// never the right answer or one of its accepted forms in disguise. A card for
// which the deck has too few such answers is asked as typed instead, with a
// Note saying so.
//
// A typed answer is forgiven case, surrounding white space and sentence
// punctuation, runs of inner white space, accents (when asked), one leading
// article and a few typing slips (see Check); Markdown emphasis and $…$
// around the answer are display markup and ignored. Multi-line answers
// cannot reasonably be typed and are asked as multiple choice or true/false
// only; mixed mode also keeps answers over 60 letters out of typing.
//
// True/false states a card's prompt with either its real answer or another
// card's answer of the same class, by a fair coin of the seeded generator.
//
// Cloze cards are asked by typing the hidden text. In mixed mode cloze cards
// are asked as cloze, cards of type mc as multiple choice, cards of type typed
// as typed, and the others are spread evenly over the three kinds.
//
// # Several answers
//
// A card's answer may list equivalent answers separated by " / " (slash with
// spaces around it): "colour / color" accepts "colour", "color" and the whole
// text. Semicolons and commas do not separate alternatives, because they
// usually join the parts of one answer (a list, a clause), and accepting one
// part would accept half an answer. Card.Accept adds further answers.
package quiz
