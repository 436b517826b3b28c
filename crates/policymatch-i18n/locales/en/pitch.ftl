# The draft pitch: the municipality's goal, the administration's task and the association's
# activities, in that order. Only the words here are the template's; everything else in a
# pitch is quoted from the documents or taken from the profile.

pitch-to-default = the administration
pitch-greeting = To { $to }
pitch-place = { $municipality }, p. { $page }
pitch-place-page = p. { $page }
pitch-goal = In "{ $title }" ({ $place }) the municipality writes: "{ $quote }"
pitch-task = The task of putting it into practice is set out in the same place ({ $place }): "{ $quote }"
pitch-task-unit = The task lies with { $unit }.
pitch-activities = { $name } already works on this: we run { $activities }.
pitch-activities-for = { $name } already works on this: we run { $activities } for { $groups }.
pitch-facts = We can show { $facts }.
pitch-ask = We would like to help the municipality reach the goal, and propose a short meeting where we explain how { $activity } can become part of the work on { $about }.
pitch-extra = In concrete terms we offer to take part in a dialogue or a consultation meeting on { $about } and to share our experience of reaching { $groups }.
pitch-citizens = the citizens
pitch-our-activities = our activities
pitch-the-area = the area
pitch-regards = Kind regards
