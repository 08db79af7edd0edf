package quiz

import (
	"reflect"
	"testing"
	"time"
)

func TestTallyCountsAnsweredQuestionsAndListsMisses(t *testing.T) {
	qs := []Question{
		{Kind: KindTyped, Prompt: "Capital of France?", Answer: "Paris"},
		{Kind: KindMC, Prompt: "Capital of Italy?", Answer: "Rome", Options: []string{"Milan", "Rome", "Turin", "Naples"}, Correct: 1},
		{Kind: KindTF, Prompt: "Capital of Spain? — Lisbon", Answer: "Madrid", Options: []string{True, False}, Correct: 1},
		{Kind: KindTF, Prompt: "Capital of Austria? — Vienna", Answer: "Vienna", Options: []string{True, False}, Correct: 0},
		{Kind: KindCloze, Prompt: "[...] is in Germany.", Answer: "Berlin"},
	}
	rs := []Result{
		{QuestionIndex: 0, Given: "paris", Correct: true, Elapsed: 2 * time.Second},
		{QuestionIndex: 1, Given: "3", Correct: false, Elapsed: 3 * time.Second},
		{QuestionIndex: 2, Given: "t", Correct: false, Elapsed: time.Second},
		{QuestionIndex: 3, Given: "f", Correct: false, Elapsed: time.Second},
		{QuestionIndex: 9, Given: "ignored", Correct: true},
	}
	s := Tally(qs, rs, 10*time.Second)
	if s.Correct != 1 || s.Total != 4 || s.Percent != 25 || s.Duration != 10*time.Second {
		t.Errorf("score %d/%d %.1f%% in %v, want 1/4 25%% in 10s", s.Correct, s.Total, s.Percent, s.Duration)
	}
	want := []Missed{
		{Prompt: "Capital of Italy?", Given: "3", Answer: "Rome"},
		{Prompt: "Capital of Spain? — Lisbon", Given: "t", Answer: "False — Madrid"},
		{Prompt: "Capital of Austria? — Vienna", Given: "f", Answer: "True"},
	}
	if !reflect.DeepEqual(s.Missed, want) {
		t.Errorf("Missed = %+v\nwant %+v", s.Missed, want)
	}
}

func TestTallySumsAnswerTimesWithoutTotal(t *testing.T) {
	qs := []Question{{Kind: KindTyped, Answer: "a"}, {Kind: KindTyped, Answer: "b"}}
	rs := []Result{{QuestionIndex: 0, Correct: true, Elapsed: time.Second}, {QuestionIndex: 1, Correct: true, Elapsed: 2 * time.Second}}
	s := Tally(qs, rs, 0)
	if s.Duration != 3*time.Second || s.Percent != 100 || len(s.Missed) != 0 {
		t.Errorf("score %+v, want 100%% in 3s and no misses", s)
	}
}

func TestTallyOfNothingIsZero(t *testing.T) {
	s := Tally(nil, nil, 0)
	if s.Total != 0 || s.Percent != 0 || s.Missed != nil {
		t.Errorf("empty tally %+v", s)
	}
}
