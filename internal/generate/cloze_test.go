package generate

import "testing"

func TestOpenListIsHintedAsExamples(t *testing.T) {
	d := gen(t, "regions.txt", `Regional plans

The northern province said it will promote the clustered development of new materials, biomedicine and other emerging industries.

Tianjin trains engineers in welding, robotics, logistics and so on.

Yunnan grows crops such as rice, tea, sugar cane, etc. on its terraces.

Gansu builds wind farms, solar parks and storage plants, after a long debate in its congress.
`)
	wantCloze(t, d, "The northern province said it will promote the clustered development of [examples] and other emerging industries.", "new materials, biomedicine")
	wantCloze(t, d, "Tianjin trains engineers in [examples] and so on.", "welding, robotics, logistics")
	wantCloze(t, d, "Yunnan grows crops such as [examples], etc. on its terraces.", "rice, tea, sugar cane")
	// A list the sentence closes keeps its count.
	wantCloze(t, d, "Gansu builds [3 items], after a long debate in its congress.", "wind farms, solar parks and storage plants")
}
