# Why a passage matches: the reasons the matcher gives, and the words they use.

field-theme = theme
field-activity = activity
field-target_group = target group
field-description = description
field-exclude = excluded

intent-goal = goal
intent-initiative = initiative
intent-decision = decision
intent-funding = funding
intent-consultation = consultation

reason-in_intent_sentence = { $field } '{ $term }' { $intent ->
    [goal] in a goal sentence
    [initiative] in an initiative sentence
    [decision] in a decision sentence
    [funding] in a funding sentence
   *[consultation] in a consultation sentence
}
reason-in_heading = { $field } '{ $term }' in the heading
reason-in_title = { $field } '{ $term }' in the document's title
reason-term = { $field } '{ $term }'
reason-description = description words: { $words }
reason-states = states { $intents }
reason-civil_society = mentions volunteers or associations
reason-civil_society_opening = the municipality works or wants to work with volunteers, associations or civil society on { $field } »{ $term }«
reason-political_request = the committee or the council asks the administration for something here
reason-status_stage = the item reports the status of work under way, or evaluates it
reason-internal_matter = is about the administration's internal matters (staff, organisation, visitation)
reason-close_wording = wording among the { $count } pages closest to the whole profile
reason-excluded = pushed down: mentions '{ $term }'
reason-other_stage = pushed down: about { $about ->
    [young] children and young people
   *[old] older people
}
reason-other_issuer = pushed down: the document is not the municipality's own but from { $issuer }
reason-title_names = { $kind ->
    [funding] the title names funding
    [consultation] the title names a consultation
    [orientation] pushed down: the title calls the item an orientation, which the committee takes note of
    [internal] pushed down: the title names the administration's internal matters (staff, organisation, visitation)
   *[report] pushed down: the title names a report on the past (supervision or accounts)
}

# The stage of an agenda item, and what a deadline is about.
stage-draft = draft / discussion
stage-consultation = public consultation
stage-approval = approval
stage-status = status / evaluation
stage-orientation = orientation

deadline-consultation = consultation (høring)
deadline-application = application deadline
deadline-revision = revision
deadline-deadline = deadline
deadline-meeting = meeting

# "a, b and c"
list-and = { $init } and { $last }
