package quiz

import "testing"

func TestCharDiffMarksMissingAndExtraText(t *testing.T) {
	tests := []struct{ want, got, diff string }{
		{"Paris", "Parsi", "Par[-is-]{+si+}"},
		{"Paris", "Paris", "Paris"},
		{"Paris", "", "[-Paris-]"},
		{"", "Paris", "{+Paris+}"},
		{"Berlin", "Berln", "Berl[-i-]n"},
		{"Berlin", "Berlina", "Berlin{+a+}"},
		{"cat", "dog", "[-cat-]{+dog+}"},
		{"Zürich", "Zurich", "Z[-ü-]{+u+}rich"},
		{"photosynthesis", "fotosynthesis", "[-ph-]{+f+}otosynthesis"},
		{"1789", "1798", "17[-89-]{+98+}"},
	}
	for _, tt := range tests {
		if got := CharDiff(tt.want, tt.got); got != tt.diff {
			t.Errorf("CharDiff(%q, %q) = %q, want %q", tt.want, tt.got, got, tt.diff)
		}
	}
}

func TestDiffSpansRebuildBothTexts(t *testing.T) {
	pairs := [][2]string{
		{"the quick brown fox", "teh quikc brwn fox"},
		{"Mitochondria", "mitokondria"},
		{"a", "b"},
		{"colour", "color"},
		{"日本語", "日本"},
	}
	for _, p := range pairs {
		var want, got string
		for _, sp := range Diff(p[0], p[1]) {
			if sp.Text == "" {
				t.Errorf("Diff(%q, %q) has an empty span", p[0], p[1])
			}
			if sp.Op != DiffInsert {
				want += sp.Text
			}
			if sp.Op != DiffDelete {
				got += sp.Text
			}
		}
		if want != p[0] || got != p[1] {
			t.Errorf("Diff(%q, %q) rebuilds %q and %q", p[0], p[1], want, got)
		}
	}
}

func TestDiffOfLongTextsStaysBounded(t *testing.T) {
	a := make([]byte, 3000)
	b := make([]byte, 3000)
	for i := range a {
		a[i] = 'a' + byte(i%26)
		b[i] = 'a' + byte((i*7)%26)
	}
	spans := Diff(string(a), string(b))
	var want string
	for _, sp := range spans {
		if sp.Op != DiffInsert {
			want += sp.Text
		}
	}
	if want != string(a) {
		t.Error("long diff does not rebuild the expected text")
	}
}
