/// kompass's own terms: the properties of a project in `projects.jsonld` that schema.org has no term for.
/// The JSON-LD context maps them (`JSONLDContext`), and `vocabulary.ttl` and `vocabulary.jsonld` define them
/// (`ProjectVocabularyGraph`), both from this one list, so that no term is used without being defined.
///
/// Reuse: the context maps to schema.org where a term means the same (`identifier`, `name`, `url`, the type
/// `Project`) and to SKOS for the concept schemes. Where schema.org or DCAT (with the DCMI terms it builds on)
/// has a broader term, our term stays and the vocabulary states `rdfs:subPropertyOf` it, so that a consumer that
/// knows only the broader term still understands the value (a year is a start date, a text before and after
/// the project a description, a field of action a subject, a user group an audience). The project's own terms
/// stay because their values are narrower than the broader terms' (a `gYear`, not a date; German text of one
/// section of the page; concepts of our own schemes) and consumers rely on those.
///
/// The labels and comments are the kompass maintainers' (the canton has none; see config/README.md).
enum ProjectVocabulary {
    struct Term {
        /// The local name in the kompass namespace and the key in `projects.jsonld`.
        var name: String
        /// The term's definition in the JSON-LD context (after `"name": `).
        var contextDefinition: String
        /// `rdfs:range`: an XSD datatype, `rdf:langString` or `skos:Concept`.
        var range: String
        /// The schema.org or DCMI term this one narrows, if any.
        var subPropertyOf: String?
        var label: LocalizedText
        var comment: LocalizedText
        /// Whether the values are IRIs (an `owl:ObjectProperty`) rather than literals.
        var isObjectProperty: Bool { range == Namespace.skos + "Concept" }
    }

    enum Namespace {
        static let schema = "http://schema.org/"
        static let skos = "http://www.w3.org/2004/02/skos/core#"
        static let rdfs = "http://www.w3.org/2000/01/rdf-schema#"
        static let owl = "http://www.w3.org/2002/07/owl#"
        static let dct = DCATVocabulary.dctNamespace
    }

    /// The vocabulary as a whole (the `owl:Ontology` node, whose IRI is the namespace).
    static let title = LocalizedText(
        de: "Vokabular des Digitalisierungs-Kompasses",
        fr: "Vocabulaire de la Boussole de la numérisation",
        it: "Vocabolario della Bussola della digitalizzazione",
        en: "Vocabulary of the Digitalisation Compass")
    static let description = LocalizedText(
        de: "Die Eigenschaften der Vorhaben in projects.jsonld, für die schema.org keinen Begriff hat: Fortschritt, Beginn- und Endjahr, Status, die Texte «Bisher» und «In Zukunft», Handlungsfelder und Nutzende. Wo schema.org oder DCAT einen weiteren Begriff kennen, ist er als Obereigenschaft angegeben. Beschriftungen und Erläuterungen stammen von den Betreuern von kompass, nicht vom Kanton.",
        fr: "Les propriétés des projets de projects.jsonld pour lesquelles schema.org n'a pas de terme : avancement, année de début et de fin, statut, les textes « Jusqu'ici » et « À l'avenir », champs d'action et groupes d'utilisateurs. Lorsque schema.org ou DCAT connaissent un terme plus large, il est indiqué comme super-propriété. Les libellés et explications sont rédigés par les responsables de kompass, non par le canton.",
        it: "Le proprietà dei progetti in projects.jsonld per le quali schema.org non ha un termine: avanzamento, anno d'inizio e di fine, stato, i testi «Finora» e «In futuro», campi d'azione e gruppi di utenti. Se schema.org o DCAT conoscono un termine più ampio, esso è indicato come super-proprietà. Le etichette e le spiegazioni sono dei responsabili di kompass, non del Cantone.",
        en: "The properties of the projects in projects.jsonld that schema.org has no term for: progress, start and end year, status, the texts \"Until now\" and \"In the future\", fields of action and user groups. Where schema.org or DCAT has a broader term, it is given as a super-property. The labels and comments are the kompass maintainers', not the canton's.")

    static let terms: [Term] = [
        Term(name: "progressPercent", contextDefinition: #"{"@id": "kompass:progressPercent", "@type": "xsd:integer"}"#,
             range: XSD.integer.value, subPropertyOf: nil,
             label: LocalizedText(de: "Fortschritt in Prozent", fr: "Avancement en pour cent",
                                  it: "Avanzamento in percentuale", en: "Progress in percent"),
             comment: LocalizedText(
                de: "Wie weit das Vorhaben umgesetzt ist, als ganze Zahl von 0 bis 100, wie es der Digitalisierungs-Kompass angibt.",
                fr: "Degré de réalisation du projet, en nombre entier de 0 à 100, tel que l'indique la Boussole de la numérisation.",
                it: "Grado di attuazione del progetto, come numero intero da 0 a 100, come lo indica la Bussola della digitalizzazione.",
                en: "How far the project has been implemented, as a whole number from 0 to 100, as the Digitalisation Compass states it.")),
        Term(name: "startYear", contextDefinition: #"{"@id": "kompass:startYear", "@type": "xsd:gYear"}"#,
             range: XSD.namespace + "gYear", subPropertyOf: Namespace.schema + "startDate",
             label: LocalizedText(de: "Beginnjahr", fr: "Année de début", it: "Anno d'inizio", en: "Start year"),
             comment: LocalizedText(
                de: "Das Jahr, in dem das Vorhaben beginnt.",
                fr: "L'année où le projet commence.",
                it: "L'anno in cui inizia il progetto.",
                en: "The year the project starts.")),
        Term(name: "endYear", contextDefinition: #"{"@id": "kompass:endYear", "@type": "xsd:gYear"}"#,
             range: XSD.namespace + "gYear", subPropertyOf: Namespace.schema + "endDate",
             label: LocalizedText(de: "Endjahr", fr: "Année de fin", it: "Anno di fine", en: "End year"),
             comment: LocalizedText(
                de: "Das Jahr, in dem das Vorhaben enden soll; fehlt bei einem Vorhaben, das nur ein Jahr dauert.",
                fr: "L'année où le projet doit se terminer ; absente pour un projet qui ne dure qu'une année.",
                it: "L'anno in cui il progetto deve concludersi; manca per un progetto che dura un solo anno.",
                en: "The year the project is to end; absent for a project that lasts a single year.")),
        Term(name: "status", contextDefinition: #""kompass:status""#,
             range: XSD.string.value, subPropertyOf: nil,
             label: LocalizedText(de: "Status", fr: "Statut", it: "Stato", en: "Status"),
             comment: LocalizedText(
                de: "Der Stand des Vorhabens im Stichjahr, aus seiner Dauer abgeleitet: geplant, in_umsetzung oder abgeschlossen.",
                fr: "L'état du projet durant l'année de référence, déduit de sa durée : geplant (planifié), in_umsetzung (en cours) ou abgeschlossen (terminé).",
                it: "Lo stato del progetto nell'anno di riferimento, dedotto dalla sua durata: geplant (pianificato), in_umsetzung (in corso) o abgeschlossen (concluso).",
                en: "The state of the project in the reference year, derived from its duration: geplant (planned), in_umsetzung (in progress) or abgeschlossen (completed).")),
        Term(name: "situationBefore", contextDefinition: #"{"@id": "kompass:situationBefore", "@language": "de"}"#,
             range: RDF.namespace + "langString", subPropertyOf: Namespace.schema + "description",
             label: LocalizedText(de: "Bisher", fr: "Jusqu'ici", it: "Finora", en: "Until now"),
             comment: LocalizedText(
                de: "Die Ausgangslage vor dem Vorhaben, wie sie der Digitalisierungs-Kompass unter «Bisher» beschreibt (Text auf Deutsch).",
                fr: "La situation de départ avant le projet, telle que la Boussole de la numérisation la décrit sous « Bisher » (texte en allemand).",
                it: "La situazione di partenza prima del progetto, come la descrive la Bussola della digitalizzazione sotto «Bisher» (testo in tedesco).",
                en: "The situation before the project, as the Digitalisation Compass describes it under \"Bisher\" (text in German).")),
        Term(name: "targetState", contextDefinition: #"{"@id": "kompass:targetState", "@language": "de"}"#,
             range: RDF.namespace + "langString", subPropertyOf: Namespace.schema + "description",
             label: LocalizedText(de: "In Zukunft", fr: "À l'avenir", it: "In futuro", en: "In the future"),
             comment: LocalizedText(
                de: "Das Zielbild des Vorhabens, wie es der Digitalisierungs-Kompass unter «In Zukunft» beschreibt (Text auf Deutsch).",
                fr: "L'objectif visé par le projet, tel que la Boussole de la numérisation le décrit sous « In Zukunft » (texte en allemand).",
                it: "L'obiettivo del progetto, come lo descrive la Bussola della digitalizzazione sotto «In Zukunft» (testo in tedesco).",
                en: "The target state of the project, as the Digitalisation Compass describes it under \"In Zukunft\" (text in German).")),
        Term(name: "fieldOfAction", contextDefinition: #"{"@id": "kompass:fieldOfAction", "@type": "@id", "@container": "@set"}"#,
             range: Namespace.skos + "Concept", subPropertyOf: Namespace.dct + "subject",
             label: LocalizedText(de: "Handlungsfeld", fr: "Champ d'action", it: "Campo d'azione", en: "Field of action"),
             comment: LocalizedText(
                de: "Ein Handlungsfeld, dem das Vorhaben zugeordnet ist: ein Begriff des Begriffsschemas der Handlungsfelder, das projects.jsonld mitliefert.",
                fr: "Un champ d'action auquel le projet est rattaché : un concept du schéma des champs d'action que projects.jsonld contient aussi.",
                it: "Un campo d'azione a cui il progetto è assegnato: un concetto dello schema dei campi d'azione contenuto anche in projects.jsonld.",
                en: "A field of action the project belongs to: a concept of the scheme of fields of action that projects.jsonld also holds.")),
        Term(name: "userGroup", contextDefinition: #"{"@id": "kompass:userGroup", "@type": "@id", "@container": "@set"}"#,
             range: Namespace.skos + "Concept", subPropertyOf: Namespace.dct + "audience",
             label: LocalizedText(de: "Nutzende", fr: "Groupe d'utilisateurs", it: "Gruppo di utenti", en: "User group"),
             comment: LocalizedText(
                de: "Eine Gruppe, für die das Vorhaben gedacht ist: ein Begriff des Begriffsschemas der Nutzenden, das projects.jsonld mitliefert.",
                fr: "Un groupe auquel le projet est destiné : un concept du schéma des groupes d'utilisateurs que projects.jsonld contient aussi.",
                it: "Un gruppo a cui il progetto è destinato: un concetto dello schema dei gruppi di utenti contenuto anche in projects.jsonld.",
                en: "A group the project is meant for: a concept of the scheme of user groups that projects.jsonld also holds.")),
    ]
}
