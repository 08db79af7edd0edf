package generate

import "testing"

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

// BenchmarkGenerateSeed measures the built-in deck's document.
func BenchmarkGenerateSeed(b *testing.B) {
	doc := []byte(bigDocument(4 << 10))
	b.SetBytes(int64(len(doc)))
	for b.Loop() {
		if _, err := Generate([]Document{{Name: "small.md", Data: doc}}, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
