"""A hand-made evaluative lexicon (Dutch and English): words of praise and affection against
words of contempt, disgust and hostility.

The linear model only knows the predicates it has seen: "vrouwen zijn fantastisch" leans on
"vrouwen zijn" when "fantastisch" is rare in the training data. The ``lexicon`` cue in
``_structure`` adds ``LEX_POS`` / ``LEX_NEG`` for every word listed here, so an unseen word of
praise can borrow the weight the model learnt for the seen ones. Inflections are listed
explicitly (mooi/mooie, love/loves/loved); words are matched after normalisation
(lower case, no accents).

Deliberately left out: slurs, group words and dehumanising nouns (rats, vermin, kanker:
counter-speech quotes them next to words of condemnation) (the model learns those from data), and words
that are evaluative only in some contexts ("zwart", "gek" as an intensifier, "sick", "bad"
as slang for good is kept because it is mostly negative).
"""
from __future__ import annotations

__all__ = ["NEGATIVE", "POSITIVE", "polarity"]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


POSITIVE = _words("""
    mooi mooie mooier mooiste prachtig prachtige schitterend schitterende geweldig geweldige
    fantastisch fantastische fantastischer prima top toppie super supergoed heerlijk heerlijke
    lekker lekkere leuk leuke leuker leukste lief lieve liever liefste aardig aardige vriendelijk
    vriendelijke vriendelijker sympathiek sympathieke hartelijk hartelijke warm warme gezellig
    gezellige briljant briljante slim slimme slimmer intelligent intelligente wijs wijze knap
    knappe getalenteerd getalenteerde talentvol talentvolle sterk sterke dapper dappere moedig
    moedige eerlijk eerlijke betrouwbaar betrouwbare behulpzaam behulpzame zorgzaam zorgzame
    gul gulle genereus genereuze vrijgevig vrijgevige respectvol respectvolle beleefd beleefde
    charmant charmante grappig grappige vrolijk vrolijke blij blije gelukkig gelukkige trots
    inspirerend inspirerende bewonderenswaardig bewonderenswaardige indrukwekkend
    indrukwekkende uitstekend uitstekende voortreffelijk voortreffelijke fijn fijne goed goede
    beste waardevol waardevolle waardevolste onmisbaar onmisbare welkom hardwerkend
    hardwerkende creatief creatieve ijverig ijverige loyaal loyale trouw trouwe zachtaardig
    zachtaardige vredig vredige verrijking aanwinst schat schatten schatje held helden
    heldin toppers topper kanjer kanjers parel parels zegen geschenk
    waardering respect bewondering liefde vriendschap
         bewonder bewondert bewonderen bewonderde waardeer waardeert
    waarderen waardeerde respecteer respecteert respecteren respecteerde steun steunt steunen
    steunde verwelkom verwelkomt verwelkomen koester koestert koesteren omarm omarmt omarmen
    geniet genieten dank danken bedankt dankbaar dankbare aanbid aanbidden vereer vereren
      geprezen waardeerd gewaardeerd gewaardeerde geliefd geliefde bemind beminde
    fascinerend fascinerende bijzonder bijzondere uniek unieke verfrissend verfrissende
    schattig schattige beeldig beeldige zalig zalige magnifiek magnifieke subliem sublieme
    excellent excellente formidabel formidabele wonderbaarlijk wonderbaarlijke wonderlijk
    prachtmensen toppertjes lieverds lieverdjes engelen engel
    beautiful gorgeous lovely pretty handsome wonderful wonderfully amazing awesome fantastic
    fabulous brilliant excellent great greatest superb splendid marvelous marvellous
    magnificent outstanding terrific incredible remarkable admirable impressive inspiring
    inspirational delightful charming sweet sweetest  kinder kindest kindness friendly
    warm warmer warmest caring generous gentle gentler polite respectful honest honesty
    trustworthy reliable loyal brave braver bravest courageous strong stronger strongest
    smart smarter smartest clever intelligent wise wiser talented gifted skilled capable
    creative hardworking diligent helpful thoughtful considerate compassionate loving lovable
    adorable cute cuter funny hilarious cheerful happy happier happiest joyful glad proud
    valuable precious treasured cherished beloved welcome welcomed welcoming peaceful nice
    nicer nicest good better best   decent worthy deserving heroic heroes hero
    heroine legend legends gem gems blessing blessings gift treasure asset assets
    love loves loved loving adore adores adored admire admires admired admiring respect
    respects respected appreciate appreciates appreciated appreciation cherish cherishes
    cherish support supports supported supporting celebrate celebrates celebrated embrace
    embraces embraced welcomes thank thanks thankful grateful enjoy enjoys enjoyed praise
    praises praised   valued   
    fascinating special unique refreshing exceptional phenomenal stunning glorious
    extraordinary enriching enrich enriches enriched
""")

NEGATIVE = _words("""
    vies vieze viezer viest viezerik viezeriken smerig smerige smeriger walgelijk walgelijke
    walgelijker weerzinwekkend weerzinwekkende afschuwelijk afschuwelijke verschrikkelijk
    verschrikkelijke vreselijk vreselijke gruwelijk gruwelijke misselijk misselijke
    misselijkmakend misselijkmakende goor gore lelijk lelijke lelijker lelijkste dom domme
    dommer domste stom stomme stommer achterlijk achterlijke debiel debiele idioot idioten
    idiote gestoord gestoorde zielig zielige sneu sneue waardeloos waardeloze nutteloos
    nutteloze minderwaardig minderwaardige inferieur inferieure primitief primitieve
    barbaars barbaarse   beestachtig beestachtige onbeschoft onbeschofte
    onbeschaafd onbeschaafde brutaal brutale agressief agressieve gewelddadig gewelddadige
    gevaarlijk gevaarlijke crimineel criminele lui luie leugenachtig leugenachtige
    oneerlijk oneerlijke onbetrouwbaar onbetrouwbare gemeen gemene kwaadaardig kwaadaardige
    slecht slechte slechter slechtst slechtste verrot verrotte rot rotte rotzooi tuig
    uitschot schorem gespuis        
    ziek zieke ziekelijk ziekelijke abnormaal abnormale pervers perverse verachtelijk
    verachtelijke   laaghartig schandalig schandalige zwak zwakke laf laffe lafaard
    lafaards sukkel sukkels loser losers mislukt mislukte mislukkeling mislukkelingen
    hypocriet hypocriete arrogant arrogante irritant irritante hatelijk hatelijke
    stinkend stinkende stinken stinkt stonk vuil vuile vuiler vuilnis afval bagger
    walg walgen walgt walgde haat haten haatte haatten hekel veracht verachten verachtte
    minacht minachten verafschuw verafschuwen verfoei verfoeien kots kotsen kotst
    spuug spugen spuugt spuugzat  wegwezen oprotten optiefen opdonderen oprot
    uitroeien uitgeroeid vergassen vergast afmaken afgemaakt doodmaken vermoorden
    vermoord uitschakelen deporteren buitenzetten
    ergernis afkeer afschuw minachting verachting walging schande haatdragend haatdragende
    tuig schoften schoft klootzak klootzakken eikel eikels lul lullen hufter hufters
    etter etters         
    disgusting disgusted gross nasty filthy dirty dirtier vile revolting repulsive repugnant
    repellent sickening nauseating horrible horrid horrendous awful terrible dreadful
    appalling atrocious abhorrent despicable contemptible loathsome detestable hateful
    odious ugly uglier ugliest hideous stupid stupider stupidest dumb dumber dumbest idiotic
    moronic retarded brainless mindless worthless useless pathetic pitiful inferior
    subhuman primitive savage savages barbaric barbarian barbarians animalistic uncivilised
    uncivilized rude violent aggressive dangerous criminal criminals lazy lazier dishonest
    deceitful untrustworthy evil wicked cruel vicious malicious nasty bad worse worst rotten
    trash trashy garbage scum scumbag scumbags filth     
              
    sick sicko sickos perverted perverts pervert deviant deviants abnormal freak freaks
    creepy weak cowardly coward cowards loser losers failure failures hypocrite hypocrites
    hypocritical arrogant annoying irritating obnoxious smelly stinking stinky stink stinks
    idiot idiots moron morons imbecile imbeciles fool fools clown clowns
    hate hates hated hating loathe loathes loathed despise despises despised detest
    detests detested abhor abhors abhorred scorn scorns disgust disgusts disgusted
    exterminate exterminated eradicate eradicated annihilate  kill killed killing
    murder murdered slaughter deport deported
    contempt disdain hatred loathing disgrace disgraceful shameful shame
""")

# Words in both lists (none intended) count as neither.
_BOTH = POSITIVE & NEGATIVE
POSITIVE = POSITIVE - _BOTH
NEGATIVE = NEGATIVE - _BOTH


def polarity(norm: str) -> int:
    """+1 for a word of praise, -1 for a word of contempt, 0 otherwise (normalised word)."""
    if norm in POSITIVE:
        return 1
    if norm in NEGATIVE:
        return -1
    return 0
