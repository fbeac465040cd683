/**
 * Clinical abbreviations a coder types, expanded to the words the official titles use (the
 * titles say "Heart failure", never "CHF"). Our own list; extend it freely. Each expansion is
 * matched as words in any order, so it only needs the distinctive words of the title.
 */
export const ABBREVIATIONS: Record<string, string[]> = {
	aaa: ['abdominal aortic aneurysm'],
	afib: ['atrial fibrillation'],
	af: ['atrial fibrillation'],
	aki: ['acute kidney failure'],
	ards: ['acute respiratory distress syndrome'],
	bph: ['benign prostatic hyperplasia', 'enlarged prostate'],
	cabg: ['coronary artery bypass'],
	cad: ['atherosclerotic heart disease coronary artery'],
	chf: ['heart failure', 'congestive heart failure'],
	ckd: ['chronic kidney disease'],
	copd: ['chronic obstructive pulmonary disease'],
	cva: ['cerebral infarction', 'stroke'],
	cvd: ['cerebrovascular disease'],
	dka: ['diabetic ketoacidosis'],
	dm: ['diabetes mellitus'],
	dm1: ['type 1 diabetes mellitus'],
	dm2: ['type 2 diabetes mellitus'],
	dme: ['durable medical equipment'],
	dvt: ['deep vein thrombosis', 'thrombosis deep veins'],
	esrd: ['end stage renal disease'],
	gerd: ['gastro-esophageal reflux disease'],
	gi: ['gastrointestinal'],
	hf: ['heart failure'],
	hiv: ['human immunodeficiency virus'],
	hld: ['hyperlipidemia'],
	htn: ['essential hypertension', 'hypertension'],
	ibs: ['irritable bowel syndrome'],
	iddm: ['type 1 diabetes mellitus'],
	mi: ['myocardial infarction'],
	mrsa: ['methicillin resistant staphylococcus aureus'],
	ms: ['multiple sclerosis'],
	niddm: ['type 2 diabetes mellitus'],
	nstemi: ['non-st elevation myocardial infarction'],
	oa: ['osteoarthritis'],
	osa: ['obstructive sleep apnea'],
	pe: ['pulmonary embolism'],
	pna: ['pneumonia'],
	pvd: ['peripheral vascular disease'],
	ra: ['rheumatoid arthritis'],
	sob: ['shortness of breath'],
	stemi: ['st elevation myocardial infarction'],
	t1dm: ['type 1 diabetes mellitus'],
	t2dm: ['type 2 diabetes mellitus'],
	tbi: ['traumatic brain injury', 'intracranial injury'],
	tia: ['transient cerebral ischemic attack'],
	uri: ['acute upper respiratory infection'],
	uti: ['urinary tract infection']
};

/**
 * Everyday and procedure words that the official titles put differently (PCS says "Resection of
 * Appendix, Percutaneous Endoscopic Approach", never "laparoscopic appendectomy"). Unlike an
 * abbreviation, the typed word also still matches as itself, as a prefix.
 */
export const SYNONYMS: Record<string, string[]> = {
	leg: ['lower extremity', 'lower limb'],
	arm: ['upper extremity', 'upper limb', 'upper arm'],
	kidney: ['renal'],
	renal: ['kidney'],
	heart: ['cardiac'],
	cardiac: ['heart'],
	attack: ['infarction'],
	stroke: ['cerebral infarction'],
	laparoscopic: ['percutaneous endoscopic'],
	appendectomy: ['resection appendix'],
	cholecystectomy: ['resection gallbladder'],
	tonsillectomy: ['resection tonsils'],
	hysterectomy: ['resection uterus'],
	mastectomy: ['resection breast'],
	colonoscopy: ['inspection lower intestinal tract'],
	flu: ['influenza'],
	cancer: ['malignant neoplasm'],
	tumor: ['neoplasm'],
	overdose: ['poisoning'],
	od: ['poisoning'],
	pregnant: ['pregnancy']
};
