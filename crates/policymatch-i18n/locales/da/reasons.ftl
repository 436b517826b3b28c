# Why a passage matches: the reasons the matcher gives, and the words they use.

field-theme = tema
field-activity = aktivitet
field-target_group = målgruppe
field-description = beskrivelse
field-exclude = udelukket

intent-goal = et mål
intent-initiative = en indsats
intent-decision = en beslutning
intent-funding = penge
intent-consultation = en høring

reason-in_intent_sentence = { $field } »{ $term }« { $intent ->
    [goal] i en målsætning
    [initiative] i en sætning om en indsats
    [decision] i en beslutning
    [funding] i en sætning om penge
   *[consultation] i en sætning om en høring
}
reason-in_heading = { $field } »{ $term }« i overskriften
reason-in_title = { $field } »{ $term }« i dokumentets titel
reason-term = { $field } »{ $term }«
reason-description = ord fra jeres beskrivelse: { $words }
reason-states = udtrykker { $intents }
reason-civil_society = nævner frivillige eller foreninger
reason-civil_society_opening = kommunen vil samarbejde med frivillige, foreninger eller civilsamfundet om { $field } »{ $term }«
reason-political_request = udvalget eller byrådet beder forvaltningen om noget her
reason-status_stage = punktet gør status over eller evaluerer arbejde, der er i gang
reason-internal_matter = handler om forvaltningens interne forhold (personale, organisering, visitation)
reason-close_wording = ordvalget er blandt de { $count } sider, der ligger tættest på hele profilen
reason-excluded = skubbet ned: nævner »{ $term }«
reason-other_stage = skubbet ned: handler om { $about ->
    [young] børn og unge
   *[old] ældre
}
reason-other_issuer = skubbet ned: dokumentet er ikke kommunens eget, men fra { $issuer }
reason-title_names = { $kind ->
    [funding] titlen nævner penge, der kan søges
    [consultation] titlen nævner en høring
    [orientation] skubbet ned: titlen kalder punktet en orientering, som udvalget tager til efterretning
    [internal] skubbet ned: titlen nævner forvaltningens interne forhold (personale, organisering, visitation)
   *[report] skubbet ned: titlen nævner en afrapportering (tilsyn eller regnskab)
}

# The stage of an agenda item, and what a deadline is about.
stage-draft = udkast / drøftelse
stage-consultation = offentlig høring
stage-approval = godkendelse
stage-status = status / evaluering
stage-orientation = orientering

deadline-consultation = høring
deadline-application = ansøgningsfrist
deadline-revision = revision
deadline-deadline = frist
deadline-meeting = møde

# "a, b og c"
list-and = { $init } og { $last }
