package snapshot

// FromRegions is fromRegions, for the external tests.
var FromRegions = fromRegions
