# The draft pitch: the municipality's goal, the administration's task and the association's
# activities, in that order. Only the words here are the template's; everything else in a
# pitch is quoted from the documents or taken from the profile.

pitch-to-default = forvaltningen
pitch-greeting = Til { $to }
pitch-place = { $municipality }, s. { $page }
pitch-place-page = s. { $page }
pitch-goal = I »{ $title }« ({ $place }) skriver kommunen: »{ $quote }«
pitch-task = Opgaven med at sætte det i gang står samme sted ({ $place }): »{ $quote }«
pitch-task-unit = Opgaven ligger hos { $unit }.
pitch-activities = { $name } arbejder allerede med det: vi står for { $activities }.
pitch-activities-for = { $name } arbejder allerede med det: vi står for { $activities } for { $groups }.
pitch-facts = Vi kan vise { $facts }.
pitch-ask = Vi vil gerne bidrage til, at kommunen når målet, og foreslår et kort møde, hvor vi fortæller, hvordan { $activity } kan indgå i arbejdet med { $about }.
pitch-extra = Konkret tilbyder vi at stille op til en dialog eller et høringsmøde om { $about } og at dele vores erfaringer med at nå ud til { $groups }.
pitch-citizens = borgerne
pitch-our-activities = vores aktiviteter
pitch-the-area = området
pitch-regards = Venlig hilsen
