package cli

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// quizPtyCollection imports quizDeck with the real binary and returns the
// collection and the questions `recall quiz` will ask for args.
func quizPtyCollection(t *testing.T, args ...string) (string, []questionJSON) {
	t.Helper()
	dir := t.TempDir()
	db := filepath.Join(dir, "collection.db")
	file := filepath.Join(dir, "geo.md")
	if err := os.WriteFile(file, []byte(quizDeck), 0o600); err != nil {
		t.Fatal(err)
	}
	recallCmd(t, db, "import", file)
	var qs quizQuestionsJSON
	out := recallCmd(t, db, append([]string{"quiz", "--json"}, args...)...)
	if err := json.Unmarshal([]byte(out), &qs); err != nil {
		t.Fatalf("quiz --json: %v\n%s", err, out)
	}
	return db, qs.Questions
}

// answerOnScreen waits for question n and answers it, right or wrong, the
// way a person would: a key for a choice, a line of text otherwise.
func (p *ptyRun) answerQuestion(n, of int, q questionJSON, right bool) {
	p.t.Helper()
	p.expect(fmt.Sprintf("Question %d/%d", n, of))
	switch q.Kind {
	case "mc", "tf":
		k := q.CorrectOption
		if !right {
			k = k%len(q.Options) + 1
		}
		if q.Kind == "mc" {
			p.expect("Your choice (1-4): ")
			p.send(strconv.Itoa(k))
		} else {
			p.expect("t (true) or f (false): ")
			p.send(string("tf"[k-1]))
		}
	default:
		if q.Kind == "cloze" {
			p.expect("Fill the gap: ")
		} else {
			p.expect("Your answer: ")
		}
		text := q.Answer
		if !right {
			text = "Ulaanbaatar"
		}
		p.send(text + "\r")
	}
	if right {
		p.expect("✓ ")
	} else {
		p.expect("✗ Wrong")
	}
}

// TestQuizOnATerminalAsksScoresAndKeeps plays a short quiz with the real
// binary on a pseudo-terminal.
func TestQuizOnATerminalAsksScoresAndKeeps(t *testing.T) {
	args := []string{"--seed", "7", "-n", "3"}
	db, qs := quizPtyCollection(t, args...)
	p := startPty(t, db, append([]string{"quiz"}, args...)...)
	p.expect("Quiz: 3 questions. Press an option")
	p.answerQuestion(1, 3, qs[0], true)
	p.answerQuestion(2, 3, qs[1], false)
	p.answerQuestion(3, 3, qs[2], true)
	p.expect("Score: 2/3 (67%) in ")
	p.expect("Missed:")
	p.expect("2. " + qs[1].Prompt)
	p.expect("Seed 7; take this quiz again with:\n  recall quiz -n 3 --seed 7")
	if code := p.wait(); code != 0 {
		t.Fatalf("exit %d\n%s", code, p.output())
	}
	var h quizHistoryJSON
	if err := json.Unmarshal([]byte(recallCmd(t, db, "quiz", "history", "--json")), &h); err != nil {
		t.Fatal(err)
	}
	if len(h.Quizzes) != 1 || h.Quizzes[0].Correct != 2 || h.Quizzes[0].Total != 3 || h.Quizzes[0].Seed != 7 {
		t.Errorf("history %+v", h)
	}
}

// TestQuizCtrlCOnATerminalShowsKeepsAndExits130 presses Ctrl-C at the
// second question.
func TestQuizCtrlCOnATerminalShowsKeepsAndExits130(t *testing.T) {
	args := []string{"--seed", "3", "-n", "4"}
	db, qs := quizPtyCollection(t, args...)
	p := startPty(t, db, append([]string{"quiz"}, args...)...)
	p.answerQuestion(1, 4, qs[0], true)
	p.expect("Question 2/4")
	p.expect(": ") // the prompt of the second question is up
	p.send("\x03")
	if code := p.wait(); code != ExitInterrupted {
		t.Fatalf("exit %d, want %d\n%s", code, ExitInterrupted, p.output())
	}
	out := p.output()
	for _, want := range []string{"Score: 1/1 (100%)", "Stopped after 1 of 4 questions.", "interrupted; everything answered so far is saved"} {
		if !strings.Contains(out, want) {
			t.Errorf("screen lacks %q:\n%s", want, out)
		}
	}
	if !strings.Contains(recallCmd(t, db, "quiz", "history"), "1/1  100%") {
		t.Errorf("history after Ctrl-C:\n%s", recallCmd(t, db, "quiz", "history"))
	}
}

// TestQuizTimeLimitEndsAWaitingQuestionOnATerminal answers one question
// and then nothing: the limit must end the quiz without another key.
func TestQuizTimeLimitEndsAWaitingQuestionOnATerminal(t *testing.T) {
	args := []string{"--seed", "5", "-n", "3"}
	db, qs := quizPtyCollection(t, args...)
	p := startPty(t, db, append([]string{"quiz", "--time-limit", "3s"}, args...)...)
	p.answerQuestion(1, 3, qs[0], true)
	p.expect("Question 2/3")
	p.expect("Time is up.")
	p.expect("Time ran out after 1 of 3 questions.")
	if code := p.wait(); code != 0 {
		t.Fatalf("exit %d\n%s", code, p.output())
	}
	if !strings.Contains(recallCmd(t, db, "quiz", "history"), "(time ran out after 1 of 3)") {
		t.Errorf("history:\n%s", recallCmd(t, db, "quiz", "history"))
	}
}

// TestQuizCtrlDStopsLikeQuit ends the input at the second question: the
// quiz stops with its partial result and exit 0, not as an interrupt.
func TestQuizCtrlDStopsLikeQuit(t *testing.T) {
	args := []string{"--seed", "3", "-n", "4"}
	db, qs := quizPtyCollection(t, args...)
	p := startPty(t, db, append([]string{"quiz"}, args...)...)
	p.answerQuestion(1, 4, qs[0], true)
	p.expect("Question 2/4")
	p.expect(": ")
	p.send("\x04")
	if code := p.wait(); code != 0 {
		t.Fatalf("exit %d, want 0\n%s", code, p.output())
	}
	out := p.output()
	if !strings.Contains(out, "Stopped after 1 of 4 questions.") || strings.Contains(out, "interrupted") {
		t.Errorf("screen:\n%s", out)
	}
}
