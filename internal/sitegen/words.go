package sitegen

// The vocabulary of the generated English: plain government-page words,
// chosen so that regular English rules make every inflection (no verb
// doubles its last consonant, no noun has an irregular plural).

// verbs are regular verbs in their base form.
var verbs = []string{
	"coordinate", "investigate", "support", "identify", "disrupt", "track",
	"review", "protect", "monitor", "assist", "report", "inspect", "target",
	"collect", "train", "share", "process", "detect", "prevent", "secure",
	"enforce", "examine", "pursue", "strengthen", "expand", "improve",
	"document", "analyze", "dismantle", "intercept", "seize", "screen",
	"verify", "audit", "publish", "deliver", "manage", "fund", "recover",
	"respond to", "work with", "partner with", "focus on", "invest in",
}

// singular are count nouns with a regular plural.
var nouns = []string{
	"agency", "office", "partner", "investigation", "program", "network",
	"shipment", "port", "record", "case", "officer", "analyst", "community",
	"business", "employer", "application", "request", "report", "grant",
	"region", "border", "route", "vessel", "container", "warehouse",
	"operation", "task force", "facility", "district", "contractor",
	"importer", "exporter", "victim", "witness", "court", "prosecutor",
	"database", "system", "policy", "procedure", "inspection", "permit",
	"license", "product", "supplier", "market", "account", "transaction",
	"threat", "risk", "lead", "tip", "training course", "field office",
	"laboratory", "checkpoint", "cargo manifest", "financial institution",
}

// mass are nouns without a plural, used after "the".
var mass = []string{
	"public", "supply chain", "economy", "homeland", "workforce", "industry",
	"evidence", "information", "guidance", "funding", "oversight",
	"enforcement", "compliance", "intelligence", "infrastructure", "trade",
}

// adjectives go before a noun.
var adjectives = []string{
	"federal", "local", "regional", "international", "domestic", "criminal",
	"financial", "illegal", "counterfeit", "commercial", "maritime", "public",
	"secure", "complex", "transnational", "sensitive", "annual", "digital",
	"new", "critical", "major", "small", "large", "coordinated", "joint",
	"foreign", "national", "tribal", "state", "private", "suspicious",
	"dangerous", "legitimate", "qualified", "seasonal", "agricultural",
}

// adverbs go before a verb.
var adverbs = []string{
	"actively", "regularly", "closely", "carefully", "quickly", "routinely",
	"directly", "jointly", "also", "continually",
}

// places end a sentence after "in" or "across".
var places = []string{
	"the United States", "every state", "border communities", "major ports of entry",
	"the Gulf Coast", "the Pacific Northwest", "the Southwest border", "the Caribbean",
	"Central America", "rural counties", "large cities", "overseas offices",
	"the Great Lakes region", "coastal states", "partner nations", "the National Capital Region",
}

// subjects begin a sentence; the verb that follows is in its plural form.
var subjects = []string{
	"Special agents", "Our investigators", "Program staff", "Federal partners",
	"Local officials", "Trade analysts", "Field offices", "Task force members",
	"Regional coordinators", "Our partners", "Intelligence analysts", "Customs officers",
	"Grant recipients", "Community groups", "Employers", "Applicants",
}

// singularSubjects begin a sentence; the verb that follows takes -s.
var singularSubjects = []string{
	"HSI", "The agency", "The program", "Each field office", "The department",
	"The task force", "Our team", "The review board", "The center", "DHS",
}

// areas are the topic folders under content/topics/.
var areas = []string{
	"border-security", "trade-enforcement", "cybercrime", "human-trafficking",
	"financial-crimes", "intellectual-property", "narcotics", "export-control",
	"worksite-enforcement", "child-exploitation", "cultural-property", "counter-proliferation",
	"document-fraud", "gang-violence", "victim-assistance", "international-operations",
	"public-safety", "grants", "careers", "partnerships",
}

// titleKinds end a page title.
var titleKinds = []string{
	"Investigations", "Program", "Enforcement", "Partnerships", "Guidance",
	"Operations", "Resources", "Initiative", "Compliance", "Reporting",
	"Overview", "Requirements", "Training", "Outreach", "Task Force",
}

// headingStarts begin a section heading; a noun phrase follows.
var headingStarts = []string{
	"How We Investigate", "Reporting", "Protecting", "Working With",
	"Our Approach to", "Understanding", "Preventing", "Responding to",
	"Resources for", "Frequently Asked Questions About", "Training for",
	"Funding for", "Results of", "Partnering on",
}

// leadIns are the verbs of the bold lead-ins of list items.
var leadIns = []string{
	"Targeting", "Strengthening", "Expanding", "Coordinating", "Sharing",
	"Protecting", "Training", "Investigating", "Supporting", "Securing",
	"Improving", "Monitoring", "Reviewing", "Reporting",
}
