package quiz

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func FuzzCheckAcceptsTheAnswerItself(f *testing.F) {
	for _, s := range [][2]string{{"Paris", "paris"}, {"$0$", "0"}, {"colour / color", "color"}, {"**", "*"}, {"l'", "l'"}, {"the", "a the"}, {"1,000", "1000"}} {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, answer, given string) {
		if !utf8.ValidString(answer) || !utf8.ValidString(given) {
			return
		}
		q := Question{Kind: KindTyped, Answer: answer}
		v := Check(q, given, CheckOptions{IgnoreAccents: true})
		if v.Correct && v.Diff != "" || !v.Correct && strings.TrimSpace(given) != "" && v.Diff == "" {
			t.Errorf("Check(%q, %q): correct %v with diff %q", answer, given, v.Correct, v.Diff)
		}
		if strings.TrimSpace(answer) != "" {
			if v := Check(q, answer, CheckOptions{}); !v.Correct || !v.Exact {
				t.Errorf("the answer %q itself is not exactly right", answer)
			}
		}
		Classify(answer)
		var want, got string
		for _, sp := range Diff(answer, given) {
			if sp.Op != DiffInsert {
				want += sp.Text
			}
			if sp.Op != DiffDelete {
				got += sp.Text
			}
		}
		if want != answer || got != given {
			t.Errorf("Diff(%q, %q) rebuilds %q, %q", answer, given, want, got)
		}
	})
}
