package generate

import (
	"strings"
	"testing"

	"recall/internal/deck"
)

func TestQuestionHeadingIsAnsweredByTheDefinitionItOpensWith(t *testing.T) {
	d := gen(t, "plants.md", `# Plants

## What is photosynthesis?

Photosynthesis is the process by which green plants turn light into chemical energy. It takes place in the chloroplasts of leaf cells.
`)
	wantBasic(t, d, "What is photosynthesis?", "The process by which green plants turn light into chemical energy")
}

func TestQuestionHeadingIsAnsweredByItsFirstSentenceOnly(t *testing.T) {
	d := gen(t, "sleep.md", `# Sleep

## Why do we dream?

Dreams may help the brain sort the memories of the day. Researchers still disagree about it, and many theories compete.
`)
	wantBasic(t, d, "Why do we dream?", "Dreams may help the brain sort the memories of the day.")
}

func TestVagueQuestionHeadingsNameTheTopic(t *testing.T) {
	d := gen(t, "npf.md", `# New productive forces

## Why is it important?

It drives high-quality development across the whole economy.

## What are the benefits?

Higher efficiency comes with lower emissions in most industries.

## What happened next?

Provinces published plans within a few weeks of the meeting.
`)
	wantBasic(t, d, "Why are new productive forces important?", "It drives high-quality development across the whole economy.")
	wantBasic(t, d, "What are the benefits of new productive forces?", "Higher efficiency comes with lower emissions in most industries.")
	wantBasic(t, d, "What happened next? (new productive forces)", "Provinces published plans within a few weeks of the meeting.")
}

func TestClarifyQuestionAgreesWithTheTopic(t *testing.T) {
	for _, tc := range []struct{ q, topic, want string }{
		{"Why is it important?", "new productive forces", "Why are new productive forces important?"},
		{"How does it work?", "the immune system", "How does the immune system work?"},
		{"Is it safe?", "nuclear power", "Is nuclear power safe?"},
		{"What is its purpose?", "the Senate", "What is the purpose of the Senate?"},
		{"How can we accelerate the development of new productive forces?", "new productive forces", "How can we accelerate the development of new productive forces?"},
	} {
		if got := clarifyQuestion(tc.q, tc.topic); got != tc.want {
			t.Errorf("clarifyQuestion(%q, %q) = %q, want %q", tc.q, tc.topic, got, tc.want)
		}
	}
}

func TestLabelledLinesAskAboutTheSectionSubject(t *testing.T) {
	d := gen(t, "notes.txt", `Productivity notes

What is new productivity?

Definition: New productivity is productivity driven by innovation.

Driving factors: technological advances, new production factors, industrial upgrading.

Basic meaning: better workers and better tools.

Main features: a large increase in total factor productivity
`)
	wantBasic(t, d, "What is new productivity?", "New productivity is productivity driven by innovation.")
	wantBasic(t, d, "What are the 3 driving factors of new productivity?", "Technological advances\nNew production factors\nIndustrial upgrading")
	wantCloze(t, d, "Driving factors of new productivity: technological advances, [...], industrial upgrading.", "new production factors")
	wantBasic(t, d, "What is the basic meaning of new productivity?", "Better workers and better tools")
	wantBasic(t, d, "What are the main features of new productivity?", "A large increase in total factor productivity")
	// The definition answers the heading; it is not asked twice.
	for _, c := range d.Cards {
		if strings.Contains(c.Front, "definition of") {
			t.Errorf("definition asked twice: %q", c.Front)
		}
	}
}

func TestNarrativeLabelsAreReadAsSentences(t *testing.T) {
	d := gen(t, "news.txt", `Background: The minister made the remarks in Geneva on 4 March 2024 at a meeting of the World Trade Organization.
`)
	for _, c := range d.Cards {
		if strings.HasPrefix(c.Front, "What is the background") {
			t.Errorf("narrative label asked as a property: %q", c.Front)
		}
	}
	// The label says what kind of text follows; the cloze leaves it out.
	wantCloze(t, d, "The minister made the remarks in Geneva on [...] at a meeting of the World Trade Organization.", "4 March 2024")
	noCardMentions(t, d, "Background")
}

func TestLongQuotationIsShownByItsOpening(t *testing.T) {
	d := gen(t, "quotes.txt", `Quotations

The development of new productive forces is an essential requirement and a key focus for promoting quality development, and it is necessary to continue to make good use of innovation.

Chinese President Xi Jinping

"We choose to go to the moon in this decade and do the other things, not because they are easy, but because they are hard."

John F. Kennedy

"Education is the most powerful weapon, which you can use to change the world and everyone in it for good."

Nelson Mandela
`)
	// No clause short enough: the first dozen words, not ending on "and a"
	// or "and do".
	wantBasic(t, d, `Who said "The development of new productive forces is an essential requirement …"?`, "Chinese President Xi Jinping")
	wantBasic(t, d, `Who said "We choose to go to the moon in this decade …"?`, "John F. Kennedy")
	// The first clause when it is short enough.
	wantBasic(t, d, `Who said "Education is the most powerful weapon …"?`, "Nelson Mandela")
}

func TestNameJustReadIsNotHidden(t *testing.T) {
	d := gen(t, "remarks.txt", `Remarks

"Innovation is the primary driving force for development."

President Xi Jinping

Background: President Xi made the remarks on Wednesday at a study session of the Politburo.
`)
	wantCloze(t, d, "President Xi made the remarks on Wednesday at a study session of the [...].", "Politburo")
	for _, c := range d.Cards {
		if c.Type == deck.Cloze && deck.ClozeAnswer(c.Front, c.Ord) == "President Xi" {
			t.Errorf("the speaker just named is hidden: %q", c.Front)
		}
	}
}

func TestDefinitionsBecomeQuestions(t *testing.T) {
	d := gen(t, "terms.txt", `Computing terms

A goroutine is a lightweight thread managed by the Go runtime. Latency refers to the delay before a transfer of data begins. The term idempotent means that repeating an operation has no further effect.

It is important to measure before optimising. There are many reasons for slow code. This is the case for most programs.
`)
	wantBasic(t, d, "What is a goroutine?", "A lightweight thread managed by the Go runtime")
	wantBasic(t, d, "What does latency refer to?", "The delay before a transfer of data begins")
	wantBasic(t, d, "What does the term idempotent mean?", "That repeating an operation has no further effect")
	for _, c := range d.Cards {
		for _, bad := range []string{"What is it", "What are there", "What is this"} {
			if strings.HasPrefix(c.Front, bad) {
				t.Errorf("vague definition card %q", c.Front)
			}
		}
	}
}

func TestAppositiveDefinesTheNameItFollows(t *testing.T) {
	d := gen(t, "china.txt", `Provinces

Hainan, an island province in southern China, is expanding into aerospace and the seed industry.
`)
	wantBasic(t, d, "What is Hainan?", "An island province in southern China")
}

func TestAcronymsAreSpelledOut(t *testing.T) {
	d := gen(t, "econ.txt", `Economy

Every December the Central Economic Work Conference (CEWC) sets the agenda for the coming year.
`)
	wantBasic(t, d, "What does CEWC stand for?", "Central Economic Work Conference")
}

func TestListWithIntroBecomesEnumerationAndItemClozes(t *testing.T) {
	d := gen(t, "volcanoes.md", `# Volcanoes

The main types of volcano are:

- shield volcanoes
- cinder cones
- stratovolcanoes
`)
	wantBasic(t, d, "What are the 3 main types of volcano?", "Shield volcanoes\nCinder cones\nStratovolcanoes")
	wantCloze(t, d, "Main types of volcano: shield volcanoes, [...], stratovolcanoes.", "cinder cones")
}

func TestNumberedStepsUnderAHeadingBecomeASteps(t *testing.T) {
	d := gen(t, "tea.md", `# Tea

## Making tea

1. Boil the water.
2. Warm the pot.
3. Add the leaves and pour.
`)
	wantBasic(t, d, "What are the 3 steps of making tea?", "Boil the water\nWarm the pot\nAdd the leaves and pour")
}

func TestTermListsDefineEachTerm(t *testing.T) {
	d := gen(t, "tools.md", "# Go tooling\n\n## Tools\n\n- **gofmt**: formats Go source code\n- **go vet**: reports suspicious constructs\n- **pprof**: a profiler for CPU and memory use\n")
	wantBasic(t, d, "What does gofmt do?", "Formats Go source code")
	wantBasic(t, d, "What does go vet do?", "Reports suspicious constructs")
	wantBasic(t, d, "What is pprof?", "A profiler for CPU and memory use")
	wantBasic(t, d, "What are the 3 tools of Go tooling?", "gofmt\ngo vet\npprof")
}

func TestLongListItemsAreReadAsSentences(t *testing.T) {
	d := gen(t, "plan.txt", `Plan

Priorities for the year:

– Scientific and technological innovations can create new industries, new models, and new growth drivers.

– Local governments will invest in industries such as integrated circuits and commercial spaceflight.
`)
	wantCloze(t, d, "Scientific and technological innovations can create [3 items].", "new industries, new models, and new growth drivers")
	wantCloze(t, d, "Local governments will invest in industries such as [2 items].", "integrated circuits and commercial spaceflight")
	for _, c := range d.Cards {
		if strings.HasPrefix(c.Front, "What are the 2") {
			t.Errorf("enumeration of whole sentences: %q", c.Front)
		}
	}
}

func TestCountedListSentence(t *testing.T) {
	d := gen(t, "saturn.txt", `Saturn

Four spacecraft have visited Saturn: Pioneer 11, Voyager 1, Voyager 2 and Cassini-Huygens.
`)
	wantBasic(t, d, "Which four spacecraft have visited Saturn?", "Pioneer 11\nVoyager 1\nVoyager 2\nCassini-Huygens")
}

func TestFactsBecomeClozes(t *testing.T) {
	d := gen(t, "facts.txt", `History and geography

Britain signed the peace treaty in Paris on 3 September 1783 after years of war.

The Golden Gate Bridge is 1,280 metres long and carries six lanes of traffic.

Guangdong aims to grow industries such as integrated circuits and commercial spaceflight.

Delegates agreed the rules at the Central Economic Work Conference held every winter.

Engineers call this pattern "defence in depth" in most security guides.

The theory of relativity was developed by Albert Einstein while working at a patent office.

Sales grew by 40% in the second half of the year.
`)
	wantCloze(t, d, "Britain signed the peace treaty in Paris on [...] after years of war.", "3 September 1783")
	wantCloze(t, d, "The Golden Gate Bridge is [...] long and carries six lanes of traffic.", "1,280 metres")
	wantCloze(t, d, "Guangdong aims to grow industries such as [2 items].", "integrated circuits and commercial spaceflight")
	wantCloze(t, d, "Delegates agreed the rules at the [...] held every winter.", "Central Economic Work Conference")
	wantCloze(t, d, `Engineers call this pattern "[...]" in most security guides.`, "defence in depth")
	wantCloze(t, d, "The theory of relativity was developed by [...] while working at a patent office.", "Albert Einstein")
	wantCloze(t, d, "Sales grew by [...] in the second half of the year.", "40%")
}

func TestClozeNamesWhatAVagueSentenceIsAbout(t *testing.T) {
	d := gen(t, "npf.md", `# Policy

## Previous mention of new productive forces

The plan was first proposed in September 2023 during a tour of the northeast.
`)
	wantCloze(t, d, "Previous mention of new productive forces: The plan was first proposed in [...] during a tour of the northeast.", "September 2023")
}

func TestLeadingPronounIsReplacedByTheNameBefore(t *testing.T) {
	d := gen(t, "gd.txt", `Provinces

Guangdong province, an economic powerhouse, aims to boost chip making. It also plans to foster future industries such as 6G technology and humanoid robots.
`)
	wantCloze(t, d, "Guangdong province also plans to foster future industries such as [2 items].", "6G technology and humanoid robots")
}

func TestQuotationsAskWhoSaidThem(t *testing.T) {
	d := gen(t, "quotes.txt", `Quotations

"Imagination is more important than knowledge."

Albert Einstein

The development of new productive forces is an essential requirement for quality development.

Chinese President Xi Jinping
`)
	wantBasic(t, d, `Who said "Imagination is more important than knowledge"?`, "Albert Einstein")
	wantBasic(t, d, `Who said "The development of new productive forces is an essential requirement for quality development"?`, "Chinese President Xi Jinping")

	md := gen(t, "quotes.md", "# Engines\n\n> The Analytical Engine weaves algebraic patterns just as the Jacquard loom weaves flowers and leaves.\n>\n> — Ada Lovelace\n\n\"Programs must be written for people to read,\" wrote Harold Abelson.\n")
	wantBasic(t, md, `Who said "The Analytical Engine weaves algebraic patterns just as the Jacquard loom weaves flowers and leaves"?`, "Ada Lovelace")
	wantBasic(t, md, `Who said "Programs must be written for people to read"?`, "Harold Abelson")
}

func TestTablesAskOneQuestionPerCell(t *testing.T) {
	d := gen(t, "capitals.md", `# Capitals

| Country | Capital | Currency |
|---------|---------|----------|
| France  | Paris   | euro     |
| Japan   | Tokyo   | yen      |
`)
	wantBasic(t, d, "What is the capital of France?", "Paris")
	wantBasic(t, d, "What is the currency of Japan?", "Yen")
	if n := countRule(d, func(c deck.Card) bool { return c.Type == deck.Basic }); n != 4 {
		t.Errorf("%d basic cards, want 4:\n%s", n, listCards(d))
	}
}

func TestDefinitionListInHTMLAndMarkdown(t *testing.T) {
	h := gen(t, "terms.html", `<html><body><dl><dt>Cassini Division</dt><dd>The 4,800 km wide gap between the A ring and the B ring.</dd></dl></body></html>`)
	wantBasic(t, h, "What is Cassini Division?", "The 4,800 km wide gap between the A ring and the B ring")
	m := gen(t, "terms.md", "# Search\n\nBinary search\n: A search that halves the remaining range at every step.\n")
	wantBasic(t, m, "What is binary search?", "A search that halves the remaining range at every step")
}

func TestQAndALines(t *testing.T) {
	d := gen(t, "faq.txt", "FAQ\n\nQ: How long does the battery last?\nA: About ten hours of normal use.\n")
	wantBasic(t, d, "How long does the battery last?", "About ten hours of normal use")
}

func TestFindEnumerationsTrimsTheFirstItem(t *testing.T) {
	for _, tc := range []struct{ s, want string }{
		{"they have the potential to create new industries, new models, and new growth drivers, which matter", "new industries, new models, and new growth drivers"},
		{"the virtuous cycle of education, science and technology, and human resources, and more", "education, science and technology, and human resources"},
		{"development of new materials, biomedicine and other emerging industries", "new materials, biomedicine"},
		{"we visited Paris, Rome and Berlin last year", "Paris, Rome and Berlin"},
		{"contribute to carbon peaking and carbon neutrality.", "carbon peaking and carbon neutrality"},
	} {
		es := findEnumerations(tc.s)
		if len(es) != 1 || tc.s[es[0].start:es[0].end] != tc.want {
			var got []string
			for _, e := range es {
				got = append(got, tc.s[e.start:e.end])
			}
			t.Errorf("findEnumerations(%q) = %q, want [%q]", tc.s, got, tc.want)
		}
	}
	for _, s := range []string{
		"bread and butter",
		"cultivate new industries, new models, growth engines, and build new productivity",
	} {
		for _, e := range findEnumerations(s) {
			if strings.Contains(s[e.start:e.end], "build") || s == "bread and butter" {
				t.Errorf("findEnumerations(%q) found %q", s, s[e.start:e.end])
			}
		}
	}
}

func TestSplitSentences(t *testing.T) {
	got := splitSentences(`Dr. Smith arrived at 3.30 p.m. on Monday. He said "Hello." Then he left! The U.S. team won. It ends with new development ideas. means high productivity.`)
	var ss []string
	for _, s := range got {
		ss = append(ss, s.s)
	}
	want := []string{`Dr. Smith arrived at 3.30 p.m. on Monday.`, `He said "Hello."`, `Then he left!`, `The U.S. team won.`, `It ends with new development ideas.`, `means high productivity.`}
	if strings.Join(ss, "|") != strings.Join(want, "|") {
		t.Errorf("splitSentences:\n got %q\nwant %q", ss, want)
	}
}

func TestHistoryNotes(t *testing.T) {
	d := genFile(t, "testdata/revolution.md")
	wantBasic(t, d, "What was the French Revolution?", "A period of political upheaval in France that began in 1789 and ended in 1799")
	wantCloze(t, d, "The French Revolution was a period of political upheaval in France that began in [...] and ended in 1799.", "1789")
	// "several causes:" names what the list holds; the topic says whose.
	wantBasic(t, d, "What are the 3 causes of the French Revolution?", "A fiscal crisis caused by costly wars\nFood shortages after poor harvests\nEnlightenment ideas about rights")
	wantBasic(t, d, "What are the 2 enlightenment ideas about rights?", "Popular sovereignty\nEquality before the law")
	wantBasic(t, d, "What are the 3 key events of the French Revolution?", "Storming of the Bastille\nDeclaration of the Rights of Man\nExecution of Louis XVI")
	wantBasic(t, d, "When was the Storming of the Bastille?", "14 July 1789")
	// The heading asks about Robespierre; the sentence defines him by his
	// full name. Hiding the name again would repeat the question.
	wantBasic(t, d, "Who was Robespierre?", "A lawyer and politician who led the Committee of Public Safety during the Reign of Terror")
	wantCloze(t, d, "Maximilien Robespierre was a lawyer and politician who led the [...] during the Reign of Terror.", "Committee of Public Safety")
	for _, c := range d.Cards {
		if c.Type == deck.Cloze && deck.ClozeAnswer(c.Front, 1) == "Maximilien Robespierre" || strings.HasPrefix(c.Front, "What was Maximilien") {
			t.Errorf("Robespierre asked twice: %q", c.Front)
		}
	}
	wantBasic(t, d, `Who said "Terror is nothing other than justice, prompt, severe, inflexible"?`, "Maximilien Robespierre")
	wantBasic(t, d, "What does NC stand for?", "Napoleonic Code")
}

func TestPropertyTableAsksAboutThePageSubject(t *testing.T) {
	d := gen(t, "curie.html", `<html><head><title>Marie Curie - Encyclopedia</title></head><body>
<table class="infobox">
<tr><th colspan="2">Marie Curie</th></tr>
<tr><th>Born</th><td>7 November 1867<br>Warsaw, Congress Poland</td></tr>
<tr><th>Died</th><td>4 July 1934 (aged 66)</td></tr>
<tr><th>Known for</th><td>Pioneering research on radioactivity</td></tr>
<tr><th>Spouse</th><td>Pierre Curie</td></tr>
<tr><th>Field</th><td>Physics, chemistry</td></tr>
</table>
<p>Marie Curie was a physicist and chemist who studied radioactivity in Paris.</p>
</body></html>`)
	wantBasic(t, d, "When and where was Marie Curie born?", "7 November 1867 Warsaw, Congress Poland")
	wantBasic(t, d, "When did Marie Curie die?", "4 July 1934 (aged 66)")
	wantBasic(t, d, "What is Marie Curie known for?", "Pioneering research on radioactivity")
	wantBasic(t, d, "Who is the spouse of Marie Curie?", "Pierre Curie")
	wantBasic(t, d, "What is the field of Marie Curie?", "Physics, chemistry")
}

func TestPlainTextLeaflet(t *testing.T) {
	d := genFile(t, "testdata/firstaid.txt")
	// ALL CAPS headings are read in sentence case; a short acronym stays.
	if d.Name != "First aid basics" {
		t.Errorf("deck name %q", d.Name)
	}
	wantBasic(t, d, "What are the 4 steps of the recovery position?", "Kneel beside the person\nPlace the arm nearest to you at a right angle\nBring the far arm across the chest\nRoll the person onto their side")
	wantBasic(t, d, "What does CPR stand for?", "Cardiopulmonary resuscitation")
	// A range is one fact; an instruction gets its section as context.
	wantCloze(t, d, "CPR: Push hard and fast in the centre of the chest, at a rate of [...] compressions a minute and to a depth of 5 to 6 cm.", "100 to 120")
	wantCloze(t, d, "CPR: Call the emergency number ([...] in Europe, 911 in North America) before you start, or ask someone else to call.", "112")
}

func TestMarkdownDetails(t *testing.T) {
	d := gen(t, "k8s.md", "Kubernetes notes\r\n================\r\n\r\nA *Pod* is the smallest deployable unit in [Kubernetes][k8s].\r\n\r\n"+
		"<!-- a Secret is a password store -->\r\n\r\nControllers\r\n-----------\r\n\r\n"+
		"+ A Deployment manages ReplicaSets.\r\n+ A DaemonSet runs one Pod per node.\r\n\r\n  It is often used for log shippers such as Fluentd and Filebeat.\r\n\r\n"+
		"3. first\r\n4. second\r\n\r\nName | Port\r\n---- | ----\r\nHTTP | 80\r\n\r\n[k8s]: https://kubernetes.io\r\n")
	if d.Name != "Kubernetes notes" {
		t.Errorf("setext title: deck %q", d.Name)
	}
	wantBasic(t, d, "What is a Pod?", "The smallest deployable unit in Kubernetes")
	// The indented paragraph belongs to its item, and its "It" is the item's subject.
	wantCloze(t, d, "A DaemonSet is often used for log shippers such as [2 items].", "Fluentd and Filebeat")
	wantBasic(t, d, "What is the port of HTTP?", "80")
	for _, s := range []string{"Secret", "kubernetes.io", "k8s"} {
		noCardMentions(t, d, s)
	}
	// A second list in the section is not what the heading names.
	for _, c := range d.Cards {
		if strings.Contains(c.Back, "First") {
			t.Errorf("list %q asked as the section's controllers", c.Back)
		}
	}
}

func TestTopicDropsWordsAboutTheText(t *testing.T) {
	for title, want := range map[string]string{
		"Kubernetes notes":        "Kubernetes",
		"A guide to sourdough":    "sourdough",
		"First aid basics":        "first aid",
		"New productive forces":   "new productive forces",
		"What is FSRS?":           "FSRS",
		"Saturn | Planet Notes":   "Saturn",
		"The French Revolution":   "the French Revolution",
		"Getting started with Go": "Go",
	} {
		if got := topicOf(title, func(w string) bool { return w == "Kubernetes" || w == "Go" || w == "Saturn" }); got != want {
			t.Errorf("topicOf(%q) = %q, want %q", title, got, want)
		}
	}
}

func TestDefinitionLabelWithoutQuestionHeading(t *testing.T) {
	d := gen(t, "photo.txt", "Photosynthesis\n\nDefinition: the process by which plants make sugar from light, water and carbon dioxide.\n\nKey stages: light reactions, the Calvin cycle.\n")
	wantBasic(t, d, "What is the definition of photosynthesis?", "The process by which plants make sugar from light, water and carbon dioxide")
	wantBasic(t, d, "What are the 2 key stages of photosynthesis?", "Light reactions\nThe Calvin cycle")
}

func TestDefinitionWithAnAsideKeepsItInACloze(t *testing.T) {
	d := gen(t, "body.txt", `The body

The human heart, working day and night without rest, is essentially a pump.

A goroutine is a lightweight thread managed by the Go runtime.
`)
	wantCloze(t, d, "The human heart, working day and night without rest, is essentially [...].", "a pump")
	for _, c := range d.Cards {
		if c.Front == "What is the human heart?" {
			t.Errorf("definition asked without its aside: %q => %q", c.Front, c.Back)
		}
	}
	// Without an aside the question stands as before.
	wantBasic(t, d, "What is a goroutine?", "A lightweight thread managed by the Go runtime")
}

func TestLongDefinitionIsAnsweredClauseByClauseAndAskedOnce(t *testing.T) {
	d := gen(t, "econ.txt", `Economics notes

What is a circular economy?

Definition: Waste is designed out from the start, and a circular economy is one that keeps materials in use for as long as possible, is powered by renewable energy, and regenerates natural systems.
`)
	// Each line reads as an item of its own: no leading "and", no
	// subject the question names, no bare "is" continuing it.
	wantBasic(t, d, "What is a circular economy?", "Waste is designed out from the start\n"+
		"Keeps materials in use for as long as possible\n"+
		"Powered by renewable energy\n"+
		"Regenerates natural systems")
	// The card asks every clause; a cloze on the same sentence would ask
	// one of them again.
	for _, c := range d.Cards {
		if c.Type == deck.Cloze {
			t.Errorf("definition asked twice: %q", c.Front)
		}
	}
}

func TestClauseLinesKeepEnumerationsAndRefuseLongClauses(t *testing.T) {
	got := clauseLines("Red blood cells carry oxygen, water and nutrients, and the body replaces them with new ones every few months.")
	want := []string{"Red blood cells carry oxygen, water and nutrients", "The body replaces them with new ones every few months"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("clauseLines = %q, want %q", got, want)
	}
	if got := clauseLines("A single clause that goes on and on for more than eighteen words without any comma to break it anywhere at all, then stops."); got != nil {
		t.Errorf("clauseLines of a long clause = %q, want nil", got)
	}
}

func TestLongClozePromptKeepsTheClauseWithTheFact(t *testing.T) {
	d := gen(t, "plan.txt", `Plan

In response to the demands of a fast-growing population in the capital region, the city will build 40 new schools, and improve the training of teachers, nurses, and doctors in all of its districts.

At the summit held in Lisbon at the end of last year to discuss trade in 2025, the ministers said they would "open markets, cut tariffs, and build new partnerships across the region."
`)
	// The scene-setting clause goes when the fact is not in it.
	wantCloze(t, d, "The city will build [...] new schools, and improve the training of teachers, nurses, and doctors in all of its districts.", "40")
	// The clauses after the fact go, marked by an ellipsis.
	wantCloze(t, d, "At the summit held in Lisbon at the end of last year to discuss trade in [...] …", "2025")
	// A sentence of thirty words or fewer stays whole.
	if got, _, _ := trimPrompt("Short sentences, even with clauses, stay as they are.", 0, 5); got != "Short sentences, even with clauses, stay as they are." {
		t.Errorf("trimPrompt changed a short sentence: %q", got)
	}
}

func TestMeasuresHideWhatTheyActOn(t *testing.T) {
	d := gen(t, "policy.txt", `Water policy

Why does it matter?

Droughts are becoming longer in the south. Rivers no longer reach the sea in summer, and we need to manage them based on river basin plans.

Reservoirs should be connected to regional supply networks in a timely manner.

We will deepen the reform of the water pricing system, and make every effort to eliminate leaks that waste drinking water.
`)
	wantCloze(t, d, "Rivers no longer reach the sea in summer, and we need to manage them based on [...].", "river basin plans")
	wantCloze(t, d, "Reservoirs should be connected to [...] in a timely manner.", "regional supply networks")
	wantCloze(t, d, "We will deepen the reform of the [...], and make every effort to eliminate leaks that waste drinking water.", "water pricing system")
	wantCloze(t, d, "We will deepen the reform of the water pricing system, and make every effort to eliminate [...] that waste drinking water.", "leaks")
	// A sentence with a fact of its own keeps that fact, not its object.
	d = gen(t, "dates.txt", "Dates\n\nThe council will open the new bridge in May 2026 after the floods.\n")
	wantCloze(t, d, "Dates: The council will open the new bridge in [...] after the floods.", "May 2026")
	if n := countRule(d, func(c deck.Card) bool { return c.Type == deck.Cloze }); n != 1 {
		t.Errorf("%d clozes, want the date only:\n%s", n, listCards(d))
	}
}

func TestHowSectionOfLeadParagraphsListsTheWays(t *testing.T) {
	d := gen(t, "water.md", `# Water security

## How can we secure water supplies?

Continue to invest in storage to secure water supplies

- Reservoirs should be connected to regional supply networks in a timely manner.
- Build new dams in the dry north, especially small and medium ones.

We will further reform water pricing and form new water markets suitable for securing water supplies.

- Further reform water pricing and form a new kind of water market suitable for securing water supplies.
- Charge industry the full cost of treatment.
`)
	wantBasic(t, d, "How can we secure water supplies?", "Continue to invest in storage\nFurther reform water pricing and form new water markets")
	wantCloze(t, d, "Water security: Reservoirs should be connected to [...] in a timely manner.", "regional supply networks")
	// The bullet that says the paragraph above it again is not asked
	// twice, nor is the lead paragraph the card above asks.
	for _, c := range d.Cards {
		if strings.Contains(c.Front, "new kind of water market") || strings.HasPrefix(c.Front, "We will further reform") {
			t.Errorf("restated measure asked again: %q", c.Front)
		}
	}
}
