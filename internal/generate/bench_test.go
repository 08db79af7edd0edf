package generate

import (
	"os"
	"testing"
)

// BenchmarkGenerate1MB measures generation from a 1 MB Markdown document
// with headings, definitions, lists and facts in every section.
func BenchmarkGenerate1MB(b *testing.B) {
	doc := []byte(bigDocument(1 << 20))
	b.SetBytes(int64(len(doc)))
	b.ReportAllocs()
	for b.Loop() {
		d, err := Generate([]Document{{Name: "big.md", Data: doc}}, Options{})
		if err != nil || len(d.Cards) == 0 {
			b.Fatalf("cards %d, err %v", len(d.Cards), err)
		}
	}
}

// BenchmarkGenerateBuiltinSource measures the built-in deck's document,
// a 4 KB article.
func BenchmarkGenerateBuiltinSource(b *testing.B) {
	doc, err := os.ReadFile("../../decks/new-productive-forces.txt")
	if err != nil {
		b.Skip("the built-in deck's document is not there:", err)
	}
	b.SetBytes(int64(len(doc)))
	for b.Loop() {
		if _, err := Generate([]Document{{Name: "new-productive-forces.txt", Data: doc}}, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
