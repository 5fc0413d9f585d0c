<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="cy_GB">
<context>
    <name>AnswerOptions</name>
    <message>
        <source>N/A: does not apply to this case</source>
        <translation>Amh.: nid yw’n berthnasol i’r achos hwn</translation>
    </message>
    <message>
        <source>Press {0}</source>
        <translation>Pwyswch {0}</translation>
    </message>
    <message>
        <source>No factors chosen yet at {0}.</source>
        <translation>Dim ffactorau wedi’u dewis eto yn {0}.</translation>
    </message>
    <message>
        <source>— not answered —</source>
        <translation>— heb ei ateb —</translation>
    </message>
    <message>
        <source>N/A    [0]</source>
        <translation>Amh.    [0]</translation>
    </message>
</context>
<context>
    <name>AssessView</name>
    <message>
        <source>Case {0} · {1}</source>
        <translation>Achos {0} · {1}</translation>
    </message>
    <message>
        <source>  (data item, not scored)</source>
        <translation>  (eitem ddata, heb sgôr)</translation>
    </message>
    <message>
        <source>{0} of {1} answered in criterion {2}</source>
        <translation>{0} o {1} wedi’u hateb ym maen prawf {2}</translation>
    </message>
    <message>
        <source>Start of the case.</source>
        <translation>Dechrau’r achos.</translation>
    </message>
    <message>
        <source>Every applicable question is answered.</source>
        <translation>Mae pob cwestiwn perthnasol wedi’i ateb.</translation>
    </message>
    <message>
        <source>This case is complete; reopen it to change answers.</source>
        <translation>Mae’r achos hwn yn gyflawn; ailagorwch ef i newid atebion.</translation>
    </message>
    <message>
        <source>The database is read-only: nothing can be changed.</source>
        <translation>Mae’r gronfa ddata yn ddarllen yn unig: ni ellir newid dim.</translation>
    </message>
    <message>
        <source>Answer {0}</source>
        <translation>Ateb {0}</translation>
    </message>
    <message>
        <source>Practice flag {0}</source>
        <translation>Baner arfer {0}</translation>
    </message>
    <message>
        <source>Note {0}</source>
        <translation>Nodyn {0}</translation>
    </message>
    <message>
        <source>Not saved: {0} Your answer is kept on screen and will be retried.</source>
        <translation>Heb ei gadw: {0} Mae’ch ateb yn aros ar y sgrin a bydd yn cael ei gadw eto.</translation>
    </message>
</context>
<context>
    <name>BarChart</name>
    <message>
        <source>No figures to chart.</source>
        <translation>Dim ffigurau i’w dangos mewn siart.</translation>
    </message>
    <message>
        <source>Bar {0} of {1}: {2}</source>
        <translation>Bar {0} o {1}: {2}</translation>
    </message>
</context>
<context>
    <name>BinDialog</name>
    <message>
        <source>{0}   ·   deleted {1} by {2}</source>
        <translation>{0}   ·   dilëwyd {1} gan {2}</translation>
    </message>
    <message>
        <source>Bin</source>
        <translation>Bin</translation>
    </message>
    <message>
        <source>Deleted cases and inspections wait here, with every answer, until restored. They are left out of the case list, scores, prints and exports; the audit trail records who deleted and restored them.</source>
        <translation>Mae achosion ac arolygiadau sydd wedi’u dileu yn aros yma, gyda phob ateb, nes eu hadfer. Maen nhw’n cael eu gadael allan o’r rhestr achosion, y sgorau, yr argraffiadau a’r allforion; mae’r trywydd archwilio yn cofnodi pwy a’u dileodd ac a’u hadferodd.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Deleted cases of {0}&lt;/b&gt;</source>
        <translation>&lt;b&gt;Achosion wedi’u dileu o {0}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Deleted cases</source>
        <translation>Achosion wedi’u dileu</translation>
    </message>
    <message>
        <source>Restore &amp;case</source>
        <translation>Adfer yr &amp;achos</translation>
    </message>
    <message>
        <source>&lt;b&gt;Deleted inspections&lt;/b&gt;</source>
        <translation>&lt;b&gt;Arolygiadau wedi’u dileu&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Deleted inspections</source>
        <translation>Arolygiadau wedi’u dileu</translation>
    </message>
    <message>
        <source>Restore &amp;inspection</source>
        <translation>Adfer yr &amp;arolygiad</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(dim)</translation>
    </message>
</context>
<context>
    <name>CaseActions</name>
    <message>
        <source>Import sample list</source>
        <translation>Mewnforio rhestr y sampl</translation>
    </message>
    <message>
        <source>The sample list was not imported.</source>
        <translation>Ni fewnforiwyd rhestr y sampl.</translation>
    </message>
    <message>
        <source>Imported {0} cases; skipped {1} already in the inspection.</source>
        <translation>Mewnforiwyd {0} achos; hepgorwyd {1} a oedd eisoes yn yr arolygiad.</translation>
    </message>
    <message>
        <source>Imported {0} cases.</source>
        <translation>Mewnforiwyd {0} achos.</translation>
    </message>
    <message>
        <source>Save CSV template</source>
        <translation>Cadw templed CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Ffeiliau CSV (*.csv)</translation>
    </message>
    <message>
        <source>The template was not written.</source>
        <translation>Ni ysgrifennwyd y templed.</translation>
    </message>
    <message>
        <source>CSV template</source>
        <translation>Templed CSV</translation>
    </message>
    <message>
        <source>Wrote {0}.

Open it in a spreadsheet and put one case per row under the header. The rows starting with # describe each column and the values it takes; they are skipped on import.</source>
        <translation>Ysgrifennwyd {0}.

Agorwch ef mewn taenlen a rhowch un achos ym mhob rhes o dan y pennawd. Mae’r rhesi sy’n dechrau â # yn disgrifio pob colofn a’r gwerthoedd y mae’n eu derbyn; maen nhw’n cael eu hepgor wrth fewnforio.</translation>
    </message>
    <message>
        <source>Rename case</source>
        <translation>Ailenwi achos</translation>
    </message>
    <message>
        <source>New reference for case {0} (the change is recorded in the audit trail):</source>
        <translation>Cyfeirnod newydd ar gyfer achos {0} (mae’r newid yn cael ei gofnodi yn y trywydd archwilio):</translation>
    </message>
    <message>
        <source>The case was not renamed.</source>
        <translation>Ni ailenwyd yr achos.</translation>
    </message>
    <message>
        <source>case {0}</source>
        <translation>achos {0}</translation>
    </message>
    <message>
        <source>{0} cases</source>
        <translation>{0} achos</translation>
    </message>
    <message>
        <source>Delete case</source>
        <translation>Dileu achos</translation>
    </message>
    <message>
        <source>Delete {0}?

It goes to the inspection&apos;s bin with every answer: it leaves the case list, scores and prints, and Case › Bin restores it.</source>
        <translation>Dileu {0}?

Mae’n mynd i fin yr arolygiad gyda phob ateb: mae’n gadael y rhestr achosion, y sgorau a’r argraffiadau, ac mae Achos › Bin yn ei adfer.</translation>
    </message>
    <message>
        <source>The case was not deleted.</source>
        <translation>Ni ddilëwyd yr achos.</translation>
    </message>
    <message>
        <source>Moved {0} to the bin (Case › Bin restores it).</source>
        <translation>Symudwyd {0} i’r bin (mae Achos › Bin yn ei adfer).</translation>
    </message>
    <message>
        <source>Rename inspection</source>
        <translation>Ailenwi arolygiad</translation>
    </message>
    <message>
        <source>New name for {0}:</source>
        <translation>Enw newydd ar gyfer {0}:</translation>
    </message>
    <message>
        <source>The inspection was not renamed.</source>
        <translation>Ni ailenwyd yr arolygiad.</translation>
    </message>
    <message>
        <source>Delete inspection</source>
        <translation>Dileu arolygiad</translation>
    </message>
    <message>
        <source>Delete the inspection {0} with its {1} cases?

It goes to the bin with everything in it; Case › Bin restores it.</source>
        <translation>Dileu’r arolygiad {0} a’i {1} achos?

Mae’n mynd i’r bin gyda phopeth ynddo; mae Achos › Bin yn ei adfer.</translation>
    </message>
    <message>
        <source>The inspection was not deleted.</source>
        <translation>Ni ddilëwyd yr arolygiad.</translation>
    </message>
    <message>
        <source>The bin could not be read.</source>
        <translation>Nid oedd modd darllen y bin.</translation>
    </message>
    <message>
        <source>The case was not restored.</source>
        <translation>Ni adferwyd yr achos.</translation>
    </message>
    <message>
        <source>The inspection was not restored.</source>
        <translation>Ni adferwyd yr arolygiad.</translation>
    </message>
</context>
<context>
    <name>CaseDetailsDialog</name>
    <message>
        <source>Case details</source>
        <translation>Manylion yr achos</translation>
    </message>
    <message>
        <source>Add a case</source>
        <translation>Ychwanegu achos</translation>
    </message>
    <message>
        <source>Case reference</source>
        <translation>Cyfeirnod yr achos</translation>
    </message>
    <message>
        <source>Case &amp;reference</source>
        <translation>&amp;Cyfeirnod yr achos</translation>
    </message>
    <message>
        <source>— not set —</source>
        <translation>— heb ei osod —</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>heb ei osod</translation>
    </message>
    <message>
        <source>a case needs a reference</source>
        <translation>mae angen cyfeirnod ar achos</translation>
    </message>
</context>
<context>
    <name>CaseHeader</name>
    <message>
        <source>Case progress</source>
        <translation>Cynnydd yr achos</translation>
    </message>
    <message>
        <source>Case list</source>
        <translation>Rhestr achosion</translation>
    </message>
    <message>
        <source>Back to the case list (Ctrl+L)</source>
        <translation>Yn ôl i’r rhestr achosion (Ctrl+L)</translation>
    </message>
    <message>
        <source>Back to the case list</source>
        <translation>Yn ôl i’r rhestr achosion</translation>
    </message>
    <message>
        <source>{0} of {1} answered</source>
        <translation>{0} o {1} wedi’u hateb</translation>
    </message>
</context>
<context>
    <name>CaseList</name>
    <message>
        <source>In progress</source>
        <translation>Ar y gweill</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>Cyflawn</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>Heb ddechrau</translation>
    </message>
    <message>
        <source>Inspection:</source>
        <translation>Arolygiad:</translation>
    </message>
    <message>
        <source>Inspection</source>
        <translation>Arolygiad</translation>
    </message>
    <message>
        <source>New inspection…</source>
        <translation>Arolygiad newydd…</translation>
    </message>
    <message>
        <source>New inspection</source>
        <translation>Arolygiad newydd</translation>
    </message>
    <message>
        <source>Search cases (Ctrl+F)</source>
        <translation>Chwilio achosion (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search cases</source>
        <translation>Chwilio achosion</translation>
    </message>
    <message>
        <source>Filter by status</source>
        <translation>Hidlo yn ôl statws</translation>
    </message>
    <message>
        <source>All cases</source>
        <translation>Pob achos</translation>
    </message>
    <message>
        <source>Filter by review state</source>
        <translation>Hidlo yn ôl cyflwr adolygu</translation>
    </message>
    <message>
        <source>Any review state</source>
        <translation>Unrhyw gyflwr adolygu</translation>
    </message>
    <message>
        <source>Add case…</source>
        <translation>Ychwanegu achos…</translation>
    </message>
    <message>
        <source>Add a case (Ctrl+Shift+N)</source>
        <translation>Ychwanegu achos (Ctrl+Shift+N)</translation>
    </message>
    <message>
        <source>Add case</source>
        <translation>Ychwanegu achos</translation>
    </message>
    <message>
        <source>Edit details…</source>
        <translation>Golygu manylion…</translation>
    </message>
    <message>
        <source>Edit case details</source>
        <translation>Golygu manylion yr achos</translation>
    </message>
    <message>
        <source>Assess ▶</source>
        <translation>Asesu ▶</translation>
    </message>
    <message>
        <source>Open the selected case (Enter)</source>
        <translation>Agor yr achos a ddewiswyd (Enter)</translation>
    </message>
    <message>
        <source>Assess the selected case</source>
        <translation>Asesu’r achos a ddewiswyd</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Achosion</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Achos</translation>
    </message>
    <message>
        <source>Assessor</source>
        <translation>Aseswr</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statws</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Cynnydd</translation>
    </message>
    <message>
        <source>Last edit</source>
        <translation>Golygiad olaf</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Adolygiad</translation>
    </message>
    <message>
        <source>{0} cases · {1} complete · {2}</source>
        <translation>{0} achos · {1} yn gyflawn · {2}</translation>
    </message>
</context>
<context>
    <name>ChartBuilder</name>
    <message>
        <source> (fewer than {0} cases: too few for close comparisons)</source>
        <translation> (llai na {0} achos: rhy ychydig ar gyfer cymariaethau manwl)</translation>
    </message>
    <message>
        <source>Outcome and section scores</source>
        <translation>Sgorau’r canlyniadau a’r adrannau</translation>
    </message>
    <message>
        <source>Criterion scores</source>
        <translation>Sgorau’r meini prawf</translation>
    </message>
    <message>
        <source>Headline scores</source>
        <translation>Prif sgorau</translation>
    </message>
    <message>
        <source>Above and below the line: {0}</source>
        <translation>Uwchben ac o dan y llinell: {0}</translation>
    </message>
    <message>
        <source>Multi-category judgements</source>
        <translation>Barnau aml-gategori</translation>
    </message>
    <message>
        <source>Multi-category judgements (share of the cases giving each answer)</source>
        <translation>Barnau aml-gategori (cyfran yr achosion sy’n rhoi pob ateb)</translation>
    </message>
    <message>
        <source>Assessor</source>
        <translation>Aseswr</translation>
    </message>
    <message>
        <source>Outcome scores by {0}</source>
        <translation>Sgorau’r canlyniadau yn ôl {0}</translation>
    </message>
    <message>
        <source>The sample: {0}</source>
        <translation>Y sampl: {0}</translation>
    </message>
    <message>
        <source>{0}: {1}, resting on {2} cases{3}</source>
        <translation>{0}: {1}, yn seiliedig ar {2} achos{3}</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Sgôr</translation>
    </message>
    <message>
        <source>Score of</source>
        <translation>Sgôr o</translation>
    </message>
    <message>
        <source>Cases behind it</source>
        <translation>Yr achosion y tu ôl iddo</translation>
    </message>
    <message>
        <source>Small numbers</source>
        <translation>Niferoedd bach</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Cwestiwn</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Ateb</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Achosion</translation>
    </message>
    <message>
        <source>Of</source>
        <translation>O</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Cyfran</translation>
    </message>
    <message>
        <source>yes: above the line</source>
        <translation>ie: uwchben y llinell</translation>
    </message>
    <message>
        <source>no: below the line</source>
        <translation>na: o dan y llinell</translation>
    </message>
    <message>
        <source>above the line</source>
        <translation>uwchben y llinell</translation>
    </message>
    <message>
        <source>above the line ({0})</source>
        <translation>uwchben y llinell ({0})</translation>
    </message>
    <message>
        <source>below the line ({0})</source>
        <translation>o dan y llinell ({0})</translation>
    </message>
    <message>
        <source>{0} ({1} cases)</source>
        <translation>{0} ({1} achos)</translation>
    </message>
    <message>
        <source>{0}: no score</source>
        <translation>{0}: dim sgôr</translation>
    </message>
    <message>
        <source>Outcome / section</source>
        <translation>Canlyniad / adran</translation>
    </message>
    <message>
        <source>Subgroup</source>
        <translation>Is-grŵp</translation>
    </message>
    <message>
        <source>{0}: {1} of {2} cases</source>
        <translation>{0}: {1} o {2} achos</translation>
    </message>
</context>
<context>
    <name>ChartsPanel</name>
    <message>
        <source>Char&amp;t:</source>
        <translation>Si&amp;art:</translation>
    </message>
    <message>
        <source>Chart to show</source>
        <translation>Y siart i’w dangos</translation>
    </message>
    <message>
        <source>&amp;Show as a table</source>
        <translation>&amp;Dangos fel tabl</translation>
    </message>
    <message>
        <source>Show the chart&apos;s figures as a table</source>
        <translation>Dangos ffigurau’r siart fel tabl</translation>
    </message>
    <message>
        <source>Chart figures</source>
        <translation>Ffigurau’r siart</translation>
    </message>
    <message>
        <source>n beside every bar: the cases behind it. Striped bars and figures marked * rest on fewer than {0} cases: too few for close comparisons. Arrow keys move from bar to bar; hover or focus a bar for its figures.</source>
        <translation>n wrth ymyl pob bar: yr achosion y tu ôl iddo. Mae’r barrau streipiog a’r ffigurau a nodir â * yn seiliedig ar lai na {0} achos: rhy ychydig ar gyfer cymariaethau manwl. Mae’r bysellau saeth yn symud o far i far; hofranwch dros far neu rhowch ffocws arno i weld ei ffigurau.</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ie</translation>
    </message>
</context>
<context>
    <name>CompletionDialog</name>
    <message>
        <source>Not ready to mark complete</source>
        <translation>Ddim yn barod i’w farcio’n gyflawn</translation>
    </message>
    <message>
        <source>{0} still unanswered. Choose one to go to it.</source>
        <translation>{0} heb eu hateb o hyd. Dewiswch un i fynd ato.</translation>
    </message>
    <message>
        <source>Unanswered questions</source>
        <translation>Cwestiynau heb eu hateb</translation>
    </message>
    <message>
        <source>Go to question</source>
        <translation>Mynd i’r cwestiwn</translation>
    </message>
</context>
<context>
    <name>ConflictsPanel</name>
    <message>
        <source>&amp;Open conflicts only</source>
        <translation>Gwrthdaro &amp;agored yn unig</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Achos</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Cwestiwn</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statws</translation>
    </message>
    <message>
        <source>Versions</source>
        <translation>Fersiynau</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Penderfyniad</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Gwrthdaro</translation>
    </message>
    <message>
        <source>The decision</source>
        <translation>Y penderfyniad</translation>
    </message>
    <message>
        <source>&amp;Why:</source>
        <translation>&amp;Pam:</translation>
    </message>
    <message>
        <source>Reason for the decision</source>
        <translation>Y rheswm dros y penderfyniad</translation>
    </message>
    <message>
        <source>Required: the evidence for the decision (kept for the next one)</source>
        <translation>Gofynnol: y dystiolaeth dros y penderfyniad (yn cael ei chadw ar gyfer yr un nesaf)</translation>
    </message>
    <message>
        <source>&amp;Change decision…</source>
        <translation>&amp;Newid y penderfyniad…</translation>
    </message>
    <message>
        <source>Change the decision</source>
        <translation>Newid y penderfyniad</translation>
    </message>
    <message>
        <source>Keep the answers of</source>
        <translation>Cadw atebion</translation>
    </message>
    <message>
        <source>Assessor whose answers to keep</source>
        <translation>Yr aseswr y dylid cadw ei atebion</translation>
    </message>
    <message>
        <source>in this &amp;case</source>
        <translation>yn yr &amp;achos hwn</translation>
    </message>
    <message>
        <source>in the &amp;selected rows</source>
        <translation>yn y rhesi a &amp;ddewiswyd</translation>
    </message>
    <message>
        <source>Ask the assessor (&amp;query)…</source>
        <translation>Gofyn i’r aseswr (&amp;ymholiad)…</translation>
    </message>
    <message>
        <source>Query raised: it travels in the assessor&apos;s next pack.</source>
        <translation>Codwyd ymholiad: bydd yn mynd ym mhecyn nesaf yr aseswr.</translation>
    </message>
    <message>
        <source>{0} open, {1} decided</source>
        <translation>{0} ar agor, {1} wedi’u penderfynu</translation>
    </message>
    <message>
        <source>open</source>
        <translation>ar agor</translation>
    </message>
    <message>
        <source>decided</source>
        <translation>wedi’i benderfynu</translation>
    </message>
    <message>
        <source>Choose a conflict above.</source>
        <translation>Dewiswch achos o wrthdaro uchod.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Decided:&lt;/b&gt; {0}</source>
        <translation>&lt;b&gt;Penderfynwyd:&lt;/b&gt; {0}</translation>
    </message>
    <message>
        <source>&lt;b&gt;Open:&lt;/b&gt; choose the answer to keep and say why.</source>
        <translation>&lt;b&gt;Ar agor:&lt;/b&gt; dewiswch yr ateb i’w gadw a dywedwch pam.</translation>
    </message>
    <message>
        <source>{0}</source>
        <translation>{0}</translation>
    </message>
    <message>
        <source> (held change)</source>
        <translation> (newid a ddaliwyd yn ôl)</translation>
    </message>
    <message>
        <source>Answer: {0}</source>
        <translation>Ateb: {0}</translation>
    </message>
    <message>
        <source>Note: {0}</source>
        <translation>Nodyn: {0}</translation>
    </message>
    <message>
        <source>When: {0}</source>
        <translation>Pryd: {0}</translation>
    </message>
    <message>
        <source>Keep &amp;{0}: {1}&apos;s answer</source>
        <translation>Cadw &amp;{0}: ateb {1}</translation>
    </message>
    <message>
        <source>Keep {0}&apos;s answer</source>
        <translation>Cadw ateb {0}</translation>
    </message>
    <message>
        <source>&lt;b&gt;Changing the decision&lt;/b&gt; ({0}): choose the answer to keep and say why it changes. The earlier decision stays in the audit trail.</source>
        <translation>&lt;b&gt;Newid y penderfyniad&lt;/b&gt; ({0}): dewiswch yr ateb i’w gadw a dywedwch pam ei fod yn newid. Mae’r penderfyniad cynharach yn aros yn y trywydd archwilio.</translation>
    </message>
    <message>
        <source>Say why first: every decision is recorded.</source>
        <translation>Dywedwch pam yn gyntaf: mae pob penderfyniad yn cael ei gofnodi.</translation>
    </message>
    <message>
        <source>Kept {0}&apos;s answers in {1} conflicts.</source>
        <translation>Cadwyd atebion {0} mewn {1} achos o wrthdaro.</translation>
    </message>
    <message>
        <source>Left as they were (no answer of theirs, or decided already): {0}</source>
        <translation>Gadawyd fel yr oeddent (dim ateb ganddynt, neu wedi’u penderfynu eisoes): {0}</translation>
    </message>
</context>
<context>
    <name>CrossTabPanel</name>
    <message>
        <source>&amp;Wilson 95% intervals</source>
        <translation>Cyfyngau &amp;Wilson 95%</translation>
    </message>
    <message>
        <source>Cross-tabulation</source>
        <translation>Croesdablu</translation>
    </message>
    <message>
        <source>Assessor</source>
        <translation>Aseswr</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Achosion</translation>
    </message>
    <message>
        <source>Show Wilson 95% intervals</source>
        <translation>Dangos cyfyngau Wilson 95%</translation>
    </message>
    <message>
        <source>&amp;Rows:</source>
        <translation>&amp;Rhesi:</translation>
    </message>
    <message>
        <source>Rows: case detail</source>
        <translation>Rhesi: manylyn achos</translation>
    </message>
    <message>
        <source>Colum&amp;ns:</source>
        <translation>&amp;Colofnau:</translation>
    </message>
    <message>
        <source>Columns: case detail</source>
        <translation>Colofnau: manylyn achos</translation>
    </message>
    <message>
        <source>&amp;In each cell:</source>
        <translation>Ym &amp;mhob cell:</translation>
    </message>
    <message>
        <source>Figure in each cell</source>
        <translation>Y ffigur ym mhob cell</translation>
    </message>
    <message>
        <source>Score: {0}</source>
        <translation>Sgôr: {0}</translation>
    </message>
    <message>
        <source>Criterion {0}: {1}</source>
        <translation>Maen prawf {0}: {1}</translation>
    </message>
    <message>
        <source>Question {0}: {1}</source>
        <translation>Cwestiwn {0}: {1}</translation>
    </message>
    <message>
        <source>Cases with each pair of values.</source>
        <translation>Yr achosion sydd â phob pâr o werthoedd.</translation>
    </message>
    <message>
        <source>The score in each cell, with n: the cases it rests on.</source>
        <translation>Y sgôr ym mhob cell, gydag n: yr achosion y mae’n seiliedig arnynt.</translation>
    </message>
    <message>
        <source> Cells marked * rest on fewer than {0} cases: too few for close comparisons.</source>
        <translation> Mae’r celloedd a nodir â * yn seiliedig ar lai na {0} achos: rhy ychydig ar gyfer cymariaethau manwl.</translation>
    </message>
    <message>
        <source> Intervals: each cell&apos;s share of its row, with its Wilson 95% interval.</source>
        <translation> Cyfyngau: cyfran pob cell o’i rhes, gyda’i chyfwng Wilson 95%.</translation>
    </message>
    <message>
        <source> Intervals: Wilson 95%.</source>
        <translation> Cyfyngau: Wilson 95%.</translation>
    </message>
    <message>
        <source> A criterion or outcome score is a mean of question scores, not k of n: it has no Wilson interval (choose a question for one).</source>
        <translation> Cymedr o sgorau cwestiynau yw sgôr maen prawf neu ganlyniad, nid k o n: nid oes ganddo gyfwng Wilson (dewiswch gwestiwn i gael un).</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Y cyfan</translation>
    </message>
    <message>
        <source>Fewer than {0} cases: too few for close comparisons</source>
        <translation>Llai na {0} achos: rhy ychydig ar gyfer cymariaethau manwl</translation>
    </message>
</context>
<context>
    <name>DatabaseActions</name>
    <message>
        <source>Case Assessor databases (*.sqlite3 *.db);;All files (*)</source>
        <translation>Cronfeydd data Case Assessor (*.sqlite3 *.db);;Pob ffeil (*)</translation>
    </message>
    <message>
        <source>New &amp;database…</source>
        <translation>&amp;Cronfa ddata newydd…</translation>
    </message>
    <message>
        <source>&amp;Open database…</source>
        <translation>&amp;Agor cronfa ddata…</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>Agor &amp;diweddar</translation>
    </message>
    <message>
        <source>{0} — missing (moved or removed)</source>
        <translation>{0} — ar goll (wedi’i symud neu ei dileu)</translation>
    </message>
    <message>
        <source>This file is no longer there.</source>
        <translation>Nid yw’r ffeil hon yno mwyach.</translation>
    </message>
    <message>
        <source>Open {0}</source>
        <translation>Agor {0}</translation>
    </message>
    <message>
        <source>(no databases opened yet)</source>
        <translation>(dim cronfeydd data wedi’u hagor eto)</translation>
    </message>
    <message>
        <source>Remove missing files from the list</source>
        <translation>Tynnu ffeiliau coll o’r rhestr</translation>
    </message>
    <message>
        <source>Open database</source>
        <translation>Agor cronfa ddata</translation>
    </message>
    <message>
        <source>New database</source>
        <translation>Cronfa ddata newydd</translation>
    </message>
    <message>
        <source>{0} already exists, so it was not replaced. Choose a new name, or open it with File › Open database.</source>
        <translation>Mae {0} yn bodoli eisoes, felly ni chafodd ei disodli. Dewiswch enw newydd, neu agorwch hi â Ffeil › Agor cronfa ddata.</translation>
    </message>
    <message>
        <source>The database {0} could not be opened.</source>
        <translation>Nid oedd modd agor y gronfa ddata {0}.</translation>
    </message>
    <message>
        <source>Opened {0}</source>
        <translation>Agorwyd {0}</translation>
    </message>
    <message>
        <source>⚠ Read-only: {0}</source>
        <translation>⚠ Darllen yn unig: {0}</translation>
    </message>
    <message>
        <source>Case Assessor</source>
        <translation>Case Assessor</translation>
    </message>
    <message>
        <source>case {0}</source>
        <translation>achos {0}</translation>
    </message>
    <message>
        <source> — read-only: the database is damaged</source>
        <translation> — darllen yn unig: mae’r gronfa ddata wedi’i difrodi</translation>
    </message>
    <message>
        <source> (read-only)</source>
        <translation> (darllen yn unig)</translation>
    </message>
</context>
<context>
    <name>EmptyState</name>
    <message>
        <source>Getting started</source>
        <translation>Dechrau arni</translation>
    </message>
    <message>
        <source>Create the inspection</source>
        <translation>Creu’r arolygiad</translation>
    </message>
    <message>
        <source>Its name, the area and the framework (question set) the cases are assessed against.</source>
        <translation>Ei enw, yr ardal a’r fframwaith (set o gwestiynau) y caiff yr achosion eu hasesu yn ei erbyn.</translation>
    </message>
    <message>
        <source>Add the cases</source>
        <translation>Ychwanegu’r achosion</translation>
    </message>
    <message>
        <source>Import the sample list from a spreadsheet saved as CSV (the template lists every column and the values it takes), or add cases one at a time.</source>
        <translation>Mewnforiwch restr y sampl o daenlen wedi’i chadw fel CSV (mae’r templed yn rhestru pob colofn a’r gwerthoedd y mae’n eu derbyn), neu ychwanegwch achosion un ar y tro.</translation>
    </message>
    <message>
        <source>Assess</source>
        <translation>Asesu</translation>
    </message>
    <message>
        <source>Select a case and press Enter (or Assess ▶). Every answer is saved the moment you give it; F1 lists the keys.</source>
        <translation>Dewiswch achos a phwyso Enter (neu Asesu ▶). Mae pob ateb yn cael ei gadw’r eiliad y byddwch yn ei roi; mae F1 yn rhestru’r bysellau.</translation>
    </message>
    <message>
        <source>Step {0}, done</source>
        <translation>Cam {0}, wedi’i wneud</translation>
    </message>
    <message>
        <source>Step {0}</source>
        <translation>Cam {0}</translation>
    </message>
</context>
<context>
    <name>EndOfCase</name>
    <message>
        <source>End of the case</source>
        <translation>Diwedd yr achos</translation>
    </message>
    <message>
        <source>Unanswered questions</source>
        <translation>Cwestiynau heb eu hateb</translation>
    </message>
    <message>
        <source>◀ Back</source>
        <translation>◀ Yn ôl</translation>
    </message>
    <message>
        <source>Back to the last question (Page Up)</source>
        <translation>Yn ôl i’r cwestiwn olaf (Page Up)</translation>
    </message>
    <message>
        <source>Mark complete (Ctrl+M)</source>
        <translation>Marcio’n gyflawn (Ctrl+M)</translation>
    </message>
    <message>
        <source>Mark this case complete</source>
        <translation>Marcio’r achos hwn yn gyflawn</translation>
    </message>
    <message>
        <source>Next case ▶</source>
        <translation>Yr achos nesaf ▶</translation>
    </message>
    <message>
        <source>Open the next case that is not complete</source>
        <translation>Agor yr achos nesaf nad yw’n gyflawn</translation>
    </message>
    <message>
        <source>{0} answered of {1}.</source>
        <translation>{0} wedi’u hateb o {1}.</translation>
    </message>
    <message>
        <source>Still to answer: {0}. Choose one to go to it (Enter).</source>
        <translation>I’w hateb o hyd: {0}. Dewiswch un i fynd ato (Enter).</translation>
    </message>
    <message>
        <source>Waiting on an earlier answer: {0}.</source>
        <translation>Yn aros am ateb cynharach: {0}.</translation>
    </message>
    <message>
        <source>This case is marked complete.</source>
        <translation>Mae’r achos hwn wedi’i farcio’n gyflawn.</translation>
    </message>
    <message>
        <source>Everything that applies is answered: press Enter to mark the case complete.</source>
        <translation>Mae popeth perthnasol wedi’i ateb: pwyswch Enter i farcio’r achos yn gyflawn.</translation>
    </message>
    <message>
        <source>Required case details missing: {0} (Case › Edit case details, Ctrl+D).</source>
        <translation>Manylion gofynnol yr achos ar goll: {0} (Achos › Golygu manylion yr achos, Ctrl+D).</translation>
    </message>
</context>
<context>
    <name>ExportDataDialog</name>
    <message>
        <source>Export data for analysis</source>
        <translation>Allforio data i’w dadansoddi</translation>
    </message>
    <message>
        <source>Every answer of this inspection, with a codebook describing each column.
The file holds personal data: keep it where the case files are kept.</source>
        <translation>Pob ateb yn yr arolygiad hwn, gyda llyfr codau sy’n disgrifio pob colofn.
Mae’r ffeil yn cynnwys data personol: cadwch hi lle caiff ffeiliau’r achosion eu cadw.</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Fformat</translation>
    </message>
    <message>
        <source>Excel workbook (XLSX): data, codebook and about sheets</source>
        <translation>Llyfr gwaith Excel (XLSX): taflenni data, llyfr codau a gwybodaeth</translation>
    </message>
    <message>
        <source>CSV: the data, and the codebook in a second file</source>
        <translation>CSV: y data, a’r llyfr codau mewn ail ffeil</translation>
    </message>
    <message>
        <source>&amp;Format</source>
        <translation>&amp;Fformat</translation>
    </message>
    <message>
        <source>Shape</source>
        <translation>Siâp</translation>
    </message>
    <message>
        <source>Long: a row per case and question</source>
        <translation>Hir: rhes ar gyfer pob achos a chwestiwn</translation>
    </message>
    <message>
        <source>Wide: a row per case, a column per question</source>
        <translation>Llydan: rhes ar gyfer pob achos, colofn ar gyfer pob cwestiwn</translation>
    </message>
    <message>
        <source>&amp;Shape</source>
        <translation>&amp;Siâp</translation>
    </message>
    <message>
        <source>Labels instead of codes (case details; answers in the wide shape)</source>
        <translation>Labeli yn lle codau (manylion yr achos; atebion yn y siâp llydan)</translation>
    </message>
    <message>
        <source>File to write</source>
        <translation>Y ffeil i’w hysgrifennu</translation>
    </message>
    <message>
        <source>&amp;Where</source>
        <translation>&amp;Ble</translation>
    </message>
    <message>
        <source>&amp;Choose…</source>
        <translation>&amp;Dewis…</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Allforio</translation>
    </message>
    <message>
        <source>Export data</source>
        <translation>Allforio data</translation>
    </message>
</context>
<context>
    <name>FileActions</name>
    <message>
        <source>Import bundle</source>
        <translation>Mewnforio bwndel</translation>
    </message>
    <message>
        <source>Bundles (*.json)</source>
        <translation>Bwndeli (*.json)</translation>
    </message>
    <message>
        <source>The bundle was not imported.</source>
        <translation>Ni fewnforiwyd y bwndel.</translation>
    </message>
    <message>
        <source>Export unencrypted bundle</source>
        <translation>Allforio bwndel heb ei amgryptio</translation>
    </message>
    <message>
        <source>A bundle is not encrypted: anyone who gets the file can read every case&apos;s details and answers.

To send your work to the lead inspector, use File &gt; Export for the lead inspector (signed, encrypted) instead.

Write an unencrypted bundle anyway?</source>
        <translation>Nid yw bwndel wedi’i amgryptio: gall unrhyw un sy’n cael y ffeil ddarllen manylion ac atebion pob achos.

I anfon eich gwaith at yr arolygydd arweiniol, defnyddiwch Ffeil &gt; Allforio ar gyfer yr arolygydd arweiniol (wedi’i lofnodi, wedi’i amgryptio) yn lle hynny.

Ysgrifennu bwndel heb ei amgryptio beth bynnag?</translation>
    </message>
    <message>
        <source>The bundle was not written.</source>
        <translation>Ni ysgrifennwyd y bwndel.</translation>
    </message>
    <message>
        <source>Exported</source>
        <translation>Allforiwyd</translation>
    </message>
    <message>
        <source>Wrote {0} cases (not encrypted) to
{1}</source>
        <translation>Ysgrifennwyd {0} achos (heb eu hamgryptio) i
{1}</translation>
    </message>
    <message>
        <source>Passphrase:</source>
        <translation>Cyfrinymadrodd:</translation>
    </message>
    <message>
        <source>Export for the lead inspector</source>
        <translation>Allforio ar gyfer yr arolygydd arweiniol</translation>
    </message>
    <message>
        <source>Case Assessor exports (*.export)</source>
        <translation>Allforion Case Assessor (*.export)</translation>
    </message>
    <message>
        <source>No pack was imported: encrypt to a passphrase</source>
        <translation>Ni fewnforiwyd pecyn: amgryptio â chyfrinymadrodd</translation>
    </message>
    <message>
        <source>The export was not written.</source>
        <translation>Ni ysgrifennwyd yr allforyn.</translation>
    </message>
    <message>
        <source>Wrote {0} cases to
{3}

signed with your key {1} and encrypted to the {2}.</source>
        <translation>Ysgrifennwyd {0} achos i
{3}

wedi’u llofnodi â’ch allwedd {1} a’u hamgryptio i’r {2}.</translation>
    </message>
    <message>
        <source>Import an inspection pack</source>
        <translation>Mewnforio pecyn arolygiad</translation>
    </message>
    <message>
        <source>Inspection packs (*.pack);;All files (*)</source>
        <translation>Pecynnau arolygiad (*.pack);;Pob ffeil (*)</translation>
    </message>
    <message>
        <source>The pack&apos;s passphrase</source>
        <translation>Cyfrinymadrodd y pecyn</translation>
    </message>
    <message>
        <source>The pack was not imported.</source>
        <translation>Ni fewnforiwyd y pecyn.</translation>
    </message>
    <message>
        <source>{0} cases returned to you for changes and {1} queries from the lead inspector: open the cases to see the comments and queries.</source>
        <translation>Dychwelwyd {0} achos atoch i’w newid, a daeth {1} ymholiad gan yr arolygydd arweiniol: agorwch yr achosion i weld y sylwadau a’r ymholiadau.</translation>
    </message>
    <message>
        <source>Printed</source>
        <translation>Argraffwyd</translation>
    </message>
    <message>
        <source>Wrote {0}.

Open it now?</source>
        <translation>Ysgrifennwyd {0}.

Ei agor nawr?</translation>
    </message>
    <message>
        <source>Print case summary</source>
        <translation>Argraffu crynodeb o’r achos</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Ffeiliau PDF (*.pdf)</translation>
    </message>
    <message>
        <source>The case summary was not written.</source>
        <translation>Ni ysgrifennwyd crynodeb yr achos.</translation>
    </message>
    <message>
        <source>Print cases</source>
        <translation>Argraffu achosion</translation>
    </message>
    <message>
        <source>Only one case is selected. Print every case of the inspection instead?</source>
        <translation>Dim ond un achos a ddewiswyd. Argraffu pob achos yn yr arolygiad yn lle hynny?</translation>
    </message>
    <message>
        <source>Print cases (one PDF with an index)</source>
        <translation>Argraffu achosion (un PDF gyda mynegai)</translation>
    </message>
    <message>
        <source>Printing case summaries…</source>
        <translation>Yn argraffu crynodebau achosion…</translation>
    </message>
    <message>
        <source>Printing</source>
        <translation>Argraffu</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Canslo</translation>
    </message>
    <message>
        <source>The case summaries were not written.</source>
        <translation>Ni ysgrifennwyd crynodebau’r achosion.</translation>
    </message>
    <message>
        <source>Printed {0} cases.</source>
        <translation>Argraffwyd {0} achos.</translation>
    </message>
    <message>
        <source>Print findings</source>
        <translation>Argraffu’r canfyddiadau</translation>
    </message>
    <message>
        <source>The findings were not written.</source>
        <translation>Ni ysgrifennwyd y canfyddiadau.</translation>
    </message>
</context>
<context>
    <name>FindingsPanel</name>
    <message>
        <source>Outcome / section</source>
        <translation>Canlyniad / adran</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Sgôr</translation>
    </message>
    <message>
        <source>Band</source>
        <translation>Band</translation>
    </message>
    <message>
        <source>Mean of</source>
        <translation>Cymedr o</translation>
    </message>
    <message>
        <source>Other rule</source>
        <translation>Y rheol arall</translation>
    </message>
    <message>
        <source>Outcome scores</source>
        <translation>Sgorau’r canlyniadau</translation>
    </message>
    <message>
        <source>Criterion</source>
        <translation>Maen prawf</translation>
    </message>
    <message>
        <source>Questions</source>
        <translation>Cwestiynau</translation>
    </message>
    <message>
        <source>Criterion and headline scores</source>
        <translation>Sgorau’r meini prawf a’r prif sgorau</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Cwestiwn</translation>
    </message>
    <message>
        <source>Above the line</source>
        <translation>Uwchben y llinell</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ie</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Na</translation>
    </message>
    <message>
        <source>N/A</source>
        <translation>Amh.</translation>
    </message>
    <message>
        <source>Distribution</source>
        <translation>Dosbarthiad</translation>
    </message>
    <message>
        <source>Case detail</source>
        <translation>Manylyn achos</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Gwerth</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Achosion</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Cyfran</translation>
    </message>
    <message>
        <source>The sample</source>
        <translation>Y sampl</translation>
    </message>
    <message>
        <source>Factor</source>
        <translation>Ffactor</translation>
    </message>
    <message>
        <source>Offending-related factors</source>
        <translation>Ffactorau sy’n gysylltiedig â throseddu</translation>
    </message>
    <message>
        <source>Questions behind the selected score</source>
        <translation>Y cwestiynau y tu ôl i’r sgôr a ddewiswyd</translation>
    </message>
    <message>
        <source>Cases behind the selected figure</source>
        <translation>Yr achosion y tu ôl i’r ffigur a ddewiswyd</translation>
    </message>
    <message>
        <source>Outcomes and criteria</source>
        <translation>Canlyniadau a meini prawf</translation>
    </message>
    <message>
        <source>Cases behind the selected question (double-click opens one)</source>
        <translation>Yr achosion y tu ôl i’r cwestiwn a ddewiswyd (mae clicio ddwywaith yn agor un)</translation>
    </message>
    <message>
        <source>Sample</source>
        <translation>Sampl</translation>
    </message>
    <message>
        <source>Factors</source>
        <translation>Ffactorau</translation>
    </message>
    <message>
        <source>Questions behind the selected score (double-click shows its cases)</source>
        <translation>Y cwestiynau y tu ôl i’r sgôr a ddewiswyd (mae clicio ddwywaith yn dangos ei achosion)</translation>
    </message>
    <message>
        <source>Subgroup:</source>
        <translation>Is-grŵp:</translation>
    </message>
    <message>
        <source>Subgroup field</source>
        <translation>Maes is-grŵp</translation>
    </message>
    <message>
        <source>All cases</source>
        <translation>Pob achos</translation>
    </message>
    <message>
        <source>Assessor</source>
        <translation>Aseswr</translation>
    </message>
    <message>
        <source>Subgroup value</source>
        <translation>Gwerth is-grŵp</translation>
    </message>
    <message>
        <source>&amp;Approved cases only</source>
        <translation>Achosion a &amp;gymeradwywyd yn unig</translation>
    </message>
    <message>
        <source>Only the cases the lead inspector has approved</source>
        <translation>Dim ond yr achosion y mae’r arolygydd arweiniol wedi’u cymeradwyo</translation>
    </message>
    <message>
        <source>Export table as CSV…</source>
        <translation>Allforio’r tabl fel CSV…</translation>
    </message>
    <message>
        <source>Export table as XLSX…</source>
        <translation>Allforio’r tabl fel XLSX…</translation>
    </message>
    <message>
        <source>the mean of its questions</source>
        <translation>cymedr ei gwestiynau</translation>
    </message>
    <message>
        <source>the mean of its criteria</source>
        <translation>cymedr ei feini prawf</translation>
    </message>
    <message>
        <source>{0} cases{2} · rule: {1} · the proportion of work judged to have been done well enough</source>
        <translation>{0} achos{2} · rheol: {1} · cyfran y gwaith y barnwyd ei fod wedi’i wneud yn ddigon da</translation>
    </message>
    <message>
        <source> (approved only)</source>
        <translation> (rhai a gymeradwywyd yn unig)</translation>
    </message>
    <message>
        <source>Headline: </source>
        <translation>Prif sgôr: </translation>
    </message>
    <message>
        <source>Export table</source>
        <translation>Allforio tabl</translation>
    </message>
    <message>
        <source>Wrote the table to
{0}</source>
        <translation>Ysgrifennwyd y tabl i
{0}</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>Siartiau</translation>
    </message>
    <message>
        <source>Cross-tab</source>
        <translation>Croesdabl</translation>
    </message>
    <message>
        <source>Flag n &amp;under:</source>
        <translation>Nodi n &amp;o dan:</translation>
    </message>
    <message>
        <source>Flag percentages resting on fewer cases than</source>
        <translation>Nodi canrannau sy’n seiliedig ar lai o achosion na</translation>
    </message>
    <message>
        <source>Percentages resting on fewer cases than this are marked * (the default is {0})</source>
        <translation>Caiff canrannau sy’n seiliedig ar lai o achosion na hyn eu nodi â * (y rhagosodiad yw {0})</translation>
    </message>
</context>
<context>
    <name>GradesTab</name>
    <message>
        <source>Graded once per inspection, from meetings and documents, not from the cases.</source>
        <translation>Rhoddir gradd unwaith ym mhob arolygiad, o gyfarfodydd a dogfennau, nid o’r achosion.</translation>
    </message>
    <message>
        <source>Grade for {0}</source>
        <translation>Gradd ar gyfer {0}</translation>
    </message>
    <message>
        <source>not graded</source>
        <translation>heb radd</translation>
    </message>
    <message>
        <source>Note for {0}</source>
        <translation>Nodyn ar gyfer {0}</translation>
    </message>
    <message>
        <source>the evidence</source>
        <translation>y dystiolaeth</translation>
    </message>
    <message>
        <source>Save grades</source>
        <translation>Cadw’r graddau</translation>
    </message>
    <message>
        <source>Save the grades</source>
        <translation>Cadw’r graddau</translation>
    </message>
    <message>
        <source>Grades</source>
        <translation>Graddau</translation>
    </message>
    <message>
        <source>{0} grades saved.</source>
        <translation>Cadwyd {0} gradd.</translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <source>Choose an answer option</source>
        <translation>Dewis opsiwn ateb</translation>
    </message>
    <message>
        <source>Y, N, … (the letter shown)</source>
        <translation>Y, N, … (y llythyren a ddangosir)</translation>
    </message>
    <message>
        <source>Choose the option with that letter (every option has one)</source>
        <translation>Dewis yr opsiwn â’r llythyren honno (mae gan bob opsiwn un)</translation>
    </message>
    <message>
        <source>N/A: the question does not apply to this case</source>
        <translation>Amh.: nid yw’r cwestiwn yn berthnasol i’r achos hwn</translation>
    </message>
    <message>
        <source>Enter, Page Down</source>
        <translation>Enter, Page Down</translation>
    </message>
    <message>
        <source>Next question (after the last: the end-of-case screen)</source>
        <translation>Y cwestiwn nesaf (ar ôl yr olaf: sgrin diwedd yr achos)</translation>
    </message>
    <message>
        <source>Page Up</source>
        <translation>Page Up</translation>
    </message>
    <message>
        <source>Previous question</source>
        <translation>Y cwestiwn blaenorol</translation>
    </message>
    <message>
        <source>Ctrl+J</source>
        <translation>Ctrl+J</translation>
    </message>
    <message>
        <source>Next unanswered question</source>
        <translation>Y cwestiwn nesaf heb ei ateb</translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <source>Write a note (Esc goes back to the answers)</source>
        <translation>Ysgrifennu nodyn (mae Esc yn mynd yn ôl i’r atebion)</translation>
    </message>
    <message>
        <source>Ctrl+I</source>
        <translation>Ctrl+I</translation>
    </message>
    <message>
        <source>Flag as a practice illustration</source>
        <translation>Nodi fel enghraifft o arfer</translation>
    </message>
    <message>
        <source>Ctrl+P</source>
        <translation>Ctrl+P</translation>
    </message>
    <message>
        <source>Print the case summary</source>
        <translation>Argraffu crynodeb yr achos</translation>
    </message>
    <message>
        <source>Show or hide the guidance</source>
        <translation>Dangos neu guddio’r canllawiau</translation>
    </message>
    <message>
        <source>Show or hide the question&apos;s sources (seed lines, provenance)</source>
        <translation>Dangos neu guddio ffynonellau’r cwestiwn (llinellau ffynhonnell, tarddiad)</translation>
    </message>
    <message>
        <source>Ctrl+H</source>
        <translation>Ctrl+H</translation>
    </message>
    <message>
        <source>History: who changed this answer, when and why</source>
        <translation>Hanes: pwy newidiodd yr ateb hwn, pryd a pham</translation>
    </message>
    <message>
        <source>F4 / Shift+F4</source>
        <translation>F4 / Shift+F4</translation>
    </message>
    <message>
        <source>Next / previous question with a query not yet closed (✉ in the tree)</source>
        <translation>Y cwestiwn nesaf / blaenorol ag ymholiad heb ei gau eto (✉ yn y goeden)</translation>
    </message>
    <message>
        <source>Ctrl+Shift+Q</source>
        <translation>Ctrl+Shift+Q</translation>
    </message>
    <message>
        <source>Raise a query on this case or answer (lead inspector)</source>
        <translation>Codi ymholiad ar yr achos neu’r ateb hwn (arolygydd arweiniol)</translation>
    </message>
    <message>
        <source>Ctrl+Z / Ctrl+Y</source>
        <translation>Ctrl+Z / Ctrl+Y</translation>
    </message>
    <message>
        <source>Undo / redo an answer change</source>
        <translation>Dadwneud / ailwneud newid i ateb</translation>
    </message>
    <message>
        <source>Ctrl+M</source>
        <translation>Ctrl+M</translation>
    </message>
    <message>
        <source>Mark the case complete (lists anything unanswered)</source>
        <translation>Marcio’r achos yn gyflawn (yn rhestru unrhyw beth heb ei ateb)</translation>
    </message>
    <message>
        <source>Ctrl+R</source>
        <translation>Ctrl+R</translation>
    </message>
    <message>
        <source>Reopen a complete case</source>
        <translation>Ailagor achos cyflawn</translation>
    </message>
    <message>
        <source>Ctrl+L</source>
        <translation>Ctrl+L</translation>
    </message>
    <message>
        <source>Back to the case list</source>
        <translation>Yn ôl i’r rhestr achosion</translation>
    </message>
    <message>
        <source>Ctrl+F</source>
        <translation>Ctrl+F</translation>
    </message>
    <message>
        <source>Search the case list</source>
        <translation>Chwilio’r rhestr achosion</translation>
    </message>
    <message>
        <source>Ctrl+Shift+N</source>
        <translation>Ctrl+Shift+N</translation>
    </message>
    <message>
        <source>Add a case</source>
        <translation>Ychwanegu achos</translation>
    </message>
    <message>
        <source>This help</source>
        <translation>Y cymorth hwn</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Llwybrau byr y bysellfwrdd</translation>
    </message>
    <message>
        <source>Assessing a case from the keyboard</source>
        <translation>Asesu achos o’r bysellfwrdd</translation>
    </message>
    <message>
        <source>Every change is saved the moment you make it; there is no save button. Questions that do not apply are skipped and greyed, with the reason shown.</source>
        <translation>Mae pob newid yn cael ei gadw’r eiliad y byddwch yn ei wneud; nid oes botwm cadw. Mae cwestiynau nad ydynt yn berthnasol yn cael eu hepgor a’u llwydo, gyda’r rheswm yn cael ei ddangos.</translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message>
        <source>History · {0}</source>
        <translation>Hanes · {0}</translation>
    </message>
    <message>
        <source>This question only</source>
        <translation>Y cwestiwn hwn yn unig</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Pryd</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Pwy</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Beth</translation>
    </message>
    <message>
        <source>Reading</source>
        <translation>Darlleniad</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Cwestiwn</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Cyn</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Ar ôl</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nodyn</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Pam</translation>
    </message>
    <message>
        <source>History of changes</source>
        <translation>Hanes y newidiadau</translation>
    </message>
    <message>
        <source>N/A</source>
        <translation>Amh.</translation>
    </message>
    <message>
        <source>Every change to this case</source>
        <translation>Pob newid i’r achos hwn</translation>
    </message>
</context>
<context>
    <name>JourneyPane</name>
    <message>
        <source>Legend of the marks</source>
        <translation>Allwedd y marciau</translation>
    </message>
</context>
<context>
    <name>JourneyTree</name>
    <message>
        <source>answered</source>
        <translation>wedi’i ateb</translation>
    </message>
    <message>
        <source>to answer</source>
        <translation>i’w ateb</translation>
    </message>
    <message>
        <source>waits on an earlier answer</source>
        <translation>yn aros am ateb cynharach</translation>
    </message>
    <message>
        <source>does not apply to this case</source>
        <translation>nid yw’n berthnasol i’r achos hwn</translation>
    </message>
    <message>
        <source>a query from the lead (F4)</source>
        <translation>ymholiad gan yr arweinydd (F4)</translation>
    </message>
    <message>
        <source>Sections, criteria and questions</source>
        <translation>Adrannau, meini prawf a chwestiynau</translation>
    </message>
    <message>
        <source>  [answer kept, not scored]</source>
        <translation>  [ateb wedi’i gadw, heb sgôr]</translation>
    </message>
    <message>
        <source>; query {0}</source>
        <translation>; ymholiad {0}</translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Iaith</translation>
    </message>
</context>
<context>
    <name>LeadReview</name>
    <message>
        <source>&amp;Return the case to its assessor…</source>
        <translation>&amp;Dychwelyd yr achos i’w aseswr…</translation>
    </message>
    <message>
        <source>Appro&amp;ve the selected cases</source>
        <translation>Cy&amp;meradwyo’r achosion a ddewiswyd</translation>
    </message>
    <message>
        <source>Reopen an approved &amp;case…</source>
        <translation>A&amp;ilagor achos a gymeradwywyd…</translation>
    </message>
    <message>
        <source>Make a blind &amp;QA pack for a QA reader…</source>
        <translation>Gwneud pecyn &amp;SA dall ar gyfer darllenydd SA…</translation>
    </message>
    <message>
        <source>Return a case</source>
        <translation>Dychwelyd achos</translation>
    </message>
    <message>
        <source>Select one case to return.</source>
        <translation>Dewiswch un achos i’w ddychwelyd.</translation>
    </message>
    <message>
        <source>The case was not returned.</source>
        <translation>Ni ddychwelwyd yr achos.</translation>
    </message>
    <message>
        <source>Case {0} returned. Send it with Lead › Make a pack (Returns only).</source>
        <translation>Dychwelwyd achos {0}. Anfonwch ef ag Arweinydd › Gwneud pecyn (Dychweliadau yn unig).</translation>
    </message>
    <message>
        <source>Nothing was approved.</source>
        <translation>Ni chymeradwywyd dim.</translation>
    </message>
    <message>
        <source>Approved {0} cases: a change now needs a reason.</source>
        <translation>Cymeradwywyd {0} achos: mae angen rheswm dros newid bellach.</translation>
    </message>
    <message>
        <source>Reopen an approved case</source>
        <translation>Ailagor achos a gymeradwywyd</translation>
    </message>
    <message>
        <source>Select one case to reopen.</source>
        <translation>Dewiswch un achos i’w ailagor.</translation>
    </message>
    <message>
        <source>Why reopen case {0}? (recorded)</source>
        <translation>Pam ailagor achos {0}? (caiff ei gofnodi)</translation>
    </message>
    <message>
        <source>The case was not reopened.</source>
        <translation>Ni ailagorwyd yr achos.</translation>
    </message>
    <message>
        <source>Case {0} is under review again.</source>
        <translation>Mae achos {0} yn cael ei adolygu eto.</translation>
    </message>
    <message>
        <source>Change an approved case</source>
        <translation>Newid achos a gymeradwywyd</translation>
    </message>
    <message>
        <source>This case is approved. Why change it? (recorded with every change you make)</source>
        <translation>Mae’r achos hwn wedi’i gymeradwyo. Pam ei newid? (caiff ei gofnodi gyda phob newid a wnewch)</translation>
    </message>
</context>
<context>
    <name>LeadView</name>
    <message>
        <source>&lt;b&gt;Lead inspector&lt;/b&gt; · {0}</source>
        <translation>&lt;b&gt;Arolygydd arweiniol&lt;/b&gt; · {0}</translation>
    </message>
    <message>
        <source>Case list</source>
        <translation>Rhestr achosion</translation>
    </message>
    <message>
        <source>Back to the case list</source>
        <translation>Yn ôl i’r rhestr achosion</translation>
    </message>
    <message>
        <source>Lead inspector views</source>
        <translation>Golygon yr arolygydd arweiniol</translation>
    </message>
    <message>
        <source>&amp;Merge</source>
        <translation>&amp;Cyfuno</translation>
    </message>
    <message>
        <source>C&amp;onflicts</source>
        <translation>&amp;Gwrthdaro</translation>
    </message>
    <message>
        <source>&amp;Findings</source>
        <translation>C&amp;anfyddiadau</translation>
    </message>
    <message>
        <source>⚠ {0} unresolved conflicts: scores may change</source>
        <translation>⚠ {0} achos o wrthdaro heb eu datrys: gall y sgorau newid</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Damaged database</source>
        <translation>Cronfa ddata wedi’i difrodi</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Ffeil</translation>
    </message>
    <message>
        <source>&amp;New inspection…</source>
        <translation>Arolygiad &amp;newydd…</translation>
    </message>
    <message>
        <source>Rena&amp;me inspection…</source>
        <translation>Aile&amp;nwi arolygiad…</translation>
    </message>
    <message>
        <source>De&amp;lete inspection…</source>
        <translation>&amp;Dileu arolygiad…</translation>
    </message>
    <message>
        <source>&amp;Import sample list (CSV)…</source>
        <translation>&amp;Mewnforio rhestr y sampl (CSV)…</translation>
    </message>
    <message>
        <source>Save CSV &amp;template…</source>
        <translation>Cadw &amp;templed CSV…</translation>
    </message>
    <message>
        <source>A sample list to fill in, with help on every column</source>
        <translation>Rhestr sampl i’w llenwi, gyda chymorth ar bob colofn</translation>
    </message>
    <message>
        <source>Import &amp;bundle…</source>
        <translation>Mewnforio &amp;bwndel…</translation>
    </message>
    <message>
        <source>E&amp;xport for the lead inspector (signed, encrypted)…</source>
        <translation>&amp;Allforio ar gyfer yr arolygydd arweiniol (wedi’i lofnodi, wedi’i amgryptio)…</translation>
    </message>
    <message>
        <source>&amp;Export unencrypted bundle…</source>
        <translation>Allforio bwndel heb ei a&amp;mgryptio…</translation>
    </message>
    <message>
        <source>Export &amp;data for analysis…</source>
        <translation>Allforio &amp;data i’w dadansoddi…</translation>
    </message>
    <message>
        <source>&amp;Print case summary…</source>
        <translation>A&amp;rgraffu crynodeb o’r achos…</translation>
    </message>
    <message>
        <source>Print &amp;selected cases…</source>
        <translation>Argraffu’r achosion a dd&amp;ewiswyd…</translation>
    </message>
    <message>
        <source>&amp;Question sets…</source>
        <translation>Setiau o &amp;gwestiynau…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Gadael</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Golygu</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Dadwneud</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Ailwneud</translation>
    </message>
    <message>
        <source>&amp;Case</source>
        <translation>&amp;Achos</translation>
    </message>
    <message>
        <source>&amp;Add case…</source>
        <translation>&amp;Ychwanegu achos…</translation>
    </message>
    <message>
        <source>Assess the selected &amp;case</source>
        <translation>Asesu’r &amp;achos a ddewiswyd</translation>
    </message>
    <message>
        <source>Edit case &amp;details…</source>
        <translation>Golygu &amp;manylion yr achos…</translation>
    </message>
    <message>
        <source>Re&amp;name case…</source>
        <translation>Aile&amp;nwi achos…</translation>
    </message>
    <message>
        <source>Dele&amp;te case…</source>
        <translation>&amp;Dileu achos…</translation>
    </message>
    <message>
        <source>&amp;Bin (deleted cases)…</source>
        <translation>&amp;Bin (achosion wedi’u dileu)…</translation>
    </message>
    <message>
        <source>&amp;Mark complete</source>
        <translation>&amp;Marcio’n gyflawn</translation>
    </message>
    <message>
        <source>&amp;Reopen</source>
        <translation>Ail&amp;agor</translation>
    </message>
    <message>
        <source>Back to the case &amp;list</source>
        <translation>Yn ôl i’r &amp;rhestr achosion</translation>
    </message>
    <message>
        <source>Raise a &amp;query…</source>
        <translation>C&amp;odi ymholiad…</translation>
    </message>
    <message>
        <source>&amp;Search cases</source>
        <translation>&amp;Chwilio achosion</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>G&amp;weld</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Cymorth</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Llwybrau byr y bysellfwrdd</translation>
    </message>
    <message>
        <source>&amp;About Case Assessor</source>
        <translation>&amp;Ynghylch Case Assessor</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Prif</translation>
    </message>
    <message>
        <source>New inspection</source>
        <translation>Arolygiad newydd</translation>
    </message>
    <message>
        <source>Import sample</source>
        <translation>Mewnforio sampl</translation>
    </message>
    <message>
        <source>Add case</source>
        <translation>Ychwanegu achos</translation>
    </message>
    <message>
        <source>Assess ▶</source>
        <translation>Asesu ▶</translation>
    </message>
    <message>
        <source>◀ Case list</source>
        <translation>◀ Rhestr achosion</translation>
    </message>
    <message>
        <source>Mark complete</source>
        <translation>Marcio’n gyflawn</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Argraffu</translation>
    </message>
    <message>
        <source>Lead: merge and findings</source>
        <translation>Arweinydd: cyfuno a chanfyddiadau</translation>
    </message>
    <message>
        <source>More toolbar actions</source>
        <translation>Rhagor o gamau’r bar offer</translation>
    </message>
    <message>
        <source>&amp;Assessor</source>
        <translation>A&amp;seswr</translation>
    </message>
    <message>
        <source>Import an inspection &amp;pack…</source>
        <translation>Mewnforio &amp;pecyn arolygiad…</translation>
    </message>
    <message>
        <source>Write my &amp;enrolment file…</source>
        <translation>Ysgrifennu fy ffeil &amp;gofrestru…</translation>
    </message>
    <message>
        <source>&amp;Assessor settings…</source>
        <translation>&amp;Gosodiadau’r aseswr…</translation>
    </message>
    <message>
        <source>&amp;Lead</source>
        <translation>A&amp;rweinydd</translation>
    </message>
    <message>
        <source>&amp;Merge, conflicts and findings…</source>
        <translation>&amp;Cyfuno, gwrthdaro a chanfyddiadau…</translation>
    </message>
    <message>
        <source>Merge assessors&apos; &amp;files…</source>
        <translation>Cyfuno &amp;ffeiliau’r aseswyr…</translation>
    </message>
    <message>
        <source>Make a &amp;pack for an assessor…</source>
        <translation>Gwneud &amp;pecyn ar gyfer aseswr…</translation>
    </message>
    <message>
        <source>Import an assessor&apos;s enrol&amp;ment…</source>
        <translation>Mewnforio cof&amp;restriad aseswr…</translation>
    </message>
    <message>
        <source>&amp;Trusted keys…</source>
        <translation>&amp;Allweddi dibynadwy…</translation>
    </message>
    <message>
        <source>&amp;Queries…</source>
        <translation>&amp;Ymholiadau…</translation>
    </message>
    <message>
        <source>Move inspection to another question-set &amp;version…</source>
        <translation>Symud yr arolygiad i &amp;fersiwn arall o’r set o gwestiynau…</translation>
    </message>
    <message>
        <source>Print &amp;findings…</source>
        <translation>Argraffu’r &amp;canfyddiadau…</translation>
    </message>
    <message>
        <source>The inspection could not be created.</source>
        <translation>Nid oedd modd creu’r arolygiad.</translation>
    </message>
    <message>
        <source>The case could not be added.</source>
        <translation>Nid oedd modd ychwanegu’r achos.</translation>
    </message>
    <message>
        <source>The case could not be opened.</source>
        <translation>Nid oedd modd agor yr achos.</translation>
    </message>
    <message>
        <source>The case details could not be saved.</source>
        <translation>Nid oedd modd cadw manylion yr achos.</translation>
    </message>
    <message>
        <source>Case marked complete.</source>
        <translation>Marciwyd yr achos yn gyflawn.</translation>
    </message>
    <message>
        <source>The case could not be reopened.</source>
        <translation>Nid oedd modd ailagor yr achos.</translation>
    </message>
    <message>
        <source>Case reopened (recorded in the audit log).</source>
        <translation>Ailagorwyd yr achos (wedi’i gofnodi yn y log archwilio).</translation>
    </message>
    <message>
        <source>The lead inspector&apos;s view could not be opened.</source>
        <translation>Nid oedd modd agor golwg yr arolygydd arweiniol.</translation>
    </message>
    <message>
        <source>About Case Assessor</source>
        <translation>Ynghylch Case Assessor</translation>
    </message>
    <message>
        <source>Unsaved answers</source>
        <translation>Atebion heb eu cadw</translation>
    </message>
    <message>
        <source>Some answers could not be saved (the disk may be full or the database locked). Quit anyway and lose them?</source>
        <translation>Nid oedd modd cadw rhai atebion (efallai fod y ddisg yn llawn neu’r gronfa ddata wedi’i chloi). Gadael beth bynnag a’u colli?</translation>
    </message>
</context>
<context>
    <name>MakePackDialog</name>
    <message>
        <source>Make a pack for an assessor</source>
        <translation>Gwneud pecyn ar gyfer aseswr</translation>
    </message>
    <message>
        <source>A pack gives an assessor their cases, encrypted to a passphrase you tell them in person or by phone (never in the same e-mail). Only their signed files may change these cases when you merge.</source>
        <translation>Mae pecyn yn rhoi eu hachosion i aseswr, wedi’u hamgryptio â chyfrinymadrodd y byddwch yn ei ddweud wrthynt wyneb yn wyneb neu dros y ffôn (byth yn yr un e-bost). Dim ond eu ffeiliau wedi’u llofnodi a gaiff newid yr achosion hyn pan fyddwch yn cyfuno.</translation>
    </message>
    <message>
        <source>Assessor</source>
        <translation>Aseswr</translation>
    </message>
    <message>
        <source>&amp;Assessor (name as on their cases):</source>
        <translation>&amp;Aseswr (yr enw fel y mae ar eu hachosion):</translation>
    </message>
    <message>
        <source>What the pack carries</source>
        <translation>Beth sydd yn y pecyn</translation>
    </message>
    <message>
        <source>Cases to assess</source>
        <translation>Achosion i’w hasesu</translation>
    </message>
    <message>
        <source>Blind QA second reads (the QA reads given to this reader)</source>
        <translation>Ail ddarlleniadau SA dall (y darlleniadau SA a roddwyd i’r darllenydd hwn)</translation>
    </message>
    <message>
        <source>Returns only: cases returned, approved or reopened (no new cases)</source>
        <translation>Dychweliadau yn unig: achosion a ddychwelwyd, a gymeradwywyd neu a ailagorwyd (dim achosion newydd)</translation>
    </message>
    <message>
        <source>&amp;Kind of pack:</source>
        <translation>&amp;Math o becyn:</translation>
    </message>
    <message>
        <source>Cases in the pack</source>
        <translation>Achosion yn y pecyn</translation>
    </message>
    <message>
        <source>&amp;Cases:</source>
        <translation>A&amp;chosion:</translation>
    </message>
    <message>
        <source>The assessor &amp;may add cases offline (flagged at merge)</source>
        <translation>Caiff yr aseswr ychwanegu achosion all-lein (&amp;wedi’u nodi wrth gyfuno)</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Cyfrinymadrodd</translation>
    </message>
    <message>
        <source>Passphrase again</source>
        <translation>Cyfrinymadrodd eto</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Cyfrinymadrodd:</translation>
    </message>
    <message>
        <source>Passphrase a&amp;gain:</source>
        <translation>Cyfrinymadrodd &amp;eto:</translation>
    </message>
    <message>
        <source>Where to write the pack</source>
        <translation>Ble i ysgrifennu’r pecyn</translation>
    </message>
    <message>
        <source>&amp;Save to:</source>
        <translation>Ca&amp;dw i:</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Pori…</translation>
    </message>
    <message>
        <source>&amp;Make the pack</source>
        <translation>&amp;Gwneud y pecyn</translation>
    </message>
    <message>
        <source>Tick a&amp;ll</source>
        <translation>Ticio’r c&amp;yfan</translation>
    </message>
    <message>
        <source>Tick &amp;none</source>
        <translation>Ticio &amp;dim</translation>
    </message>
    <message>
        <source>Save the pack</source>
        <translation>Cadw’r pecyn</translation>
    </message>
    <message>
        <source>Inspection packs (*.pack)</source>
        <translation>Pecynnau arolygiad (*.pack)</translation>
    </message>
    <message>
        <source>Enrolled: the pack is encrypted to their own key; no passphrase is needed.</source>
        <translation>Wedi cofrestru: mae’r pecyn wedi’i amgryptio i’w hallwedd eu hunain; nid oes angen cyfrinymadrodd.</translation>
    </message>
    <message>
        <source>Not enrolled yet: the pack is encrypted to the passphrase, which must be strong (five random words are best).</source>
        <translation>Heb gofrestru eto: mae’r pecyn wedi’i amgryptio â’r cyfrinymadrodd, y mae’n rhaid iddo fod yn gryf (pum gair ar hap sydd orau).</translation>
    </message>
    <message>
        <source>Name the assessor the pack is for.</source>
        <translation>Enwch yr aseswr y mae’r pecyn ar ei gyfer.</translation>
    </message>
    <message>
        <source>Tick the cases to give them.</source>
        <translation>Ticiwch yr achosion i’w rhoi iddynt.</translation>
    </message>
    <message>
        <source>Choose a passphrase of at least 8 characters (a few words are best).</source>
        <translation>Dewiswch gyfrinymadrodd o 8 nod o leiaf (ychydig eiriau sydd orau).</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>Mae’r ddau gyfrinymadrodd yn wahanol.</translation>
    </message>
    <message>
        <source>Say where to save the pack.</source>
        <translation>Dywedwch ble i gadw’r pecyn.</translation>
    </message>
    <message>
        <source>The pack was not written.

{0}</source>
        <translation>Ni ysgrifennwyd y pecyn.

{0}</translation>
    </message>
</context>
<context>
    <name>MergePanel</name>
    <message>
        <source>&amp;Merge assessors&apos; files…</source>
        <translation>&amp;Cyfuno ffeiliau’r aseswyr…</translation>
    </message>
    <message>
        <source>Make a &amp;pack for an assessor…</source>
        <translation>Gwneud &amp;pecyn ar gyfer aseswr…</translation>
    </message>
    <message>
        <source>Save the merge &amp;report…</source>
        <translation>Cadw &amp;adroddiad y cyfuno…</translation>
    </message>
    <message>
        <source>Print the merge report…</source>
        <translation>Argraffu adroddiad y cyfuno…</translation>
    </message>
    <message>
        <source>Your key&apos;s fingerprint: {0}</source>
        <translation>Ôl bys eich allwedd: {0}</translation>
    </message>
    <message>
        <source>Merges made in this database</source>
        <translation>Cyfuniadau a wnaed yn y gronfa ddata hon</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statws</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Ffeil</translation>
    </message>
    <message>
        <source>Signer</source>
        <translation>Llofnodwr</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Rheswm</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>Files merged</source>
        <translation>Ffeiliau a gyfunwyd</translation>
    </message>
    <message>
        <source>Merge report</source>
        <translation>Adroddiad y cyfuno</translation>
    </message>
    <message>
        <source>Conflicts in the cases this merge brought</source>
        <translation>Gwrthdaro yn yr achosion a ddaeth gyda’r cyfuno hwn</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Achos</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Cwestiwn</translation>
    </message>
    <message>
        <source>Versions</source>
        <translation>Fersiynau</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Penderfyniad</translation>
    </message>
    <message>
        <source>Conflicts in the merged cases</source>
        <translation>Gwrthdaro yn yr achosion a gyfunwyd</translation>
    </message>
    <message>
        <source>{0} · {1} · {2} files</source>
        <translation>{0} · {1} · {2} ffeil</translation>
    </message>
    <message>
        <source>, {0} refused</source>
        <translation>, {0} wedi’u gwrthod</translation>
    </message>
    <message>
        <source>No merge yet. Merge the assessors&apos; exports with “Merge assessors&apos; files…”; give each assessor a pack first with “Make a pack…”.</source>
        <translation>Dim cyfuno eto. Cyfunwch allforion yr aseswyr â “Cyfuno ffeiliau’r aseswyr…”; rhowch becyn i bob aseswr yn gyntaf â “Gwneud pecyn…”.</translation>
    </message>
    <message>
        <source>Merged {0} by {1}
Assessors: {2}
New cases: {3} · Updated: {4} · Unchanged: {5} · Added offline: {6}
Changes held beside a decision: {7}
Open conflicts after it: {8}</source>
        <translation>Cyfunwyd {0} gan {1}
Aseswyr: {2}
Achosion newydd: {3} · Wedi’u diweddaru: {4} · Heb eu newid: {5} · Wedi’u hychwanegu all-lein: {6}
Newidiadau a ddaliwyd wrth ymyl penderfyniad: {7}
Gwrthdaro agored wedyn: {8}</translation>
    </message>
    <message>
        <source>Submitted for review: {0}</source>
        <translation>Wedi’u cyflwyno i’w hadolygu: {0}</translation>
    </message>
    <message>
        <source>Queries replied to: {0}</source>
        <translation>Ymholiadau yr ymatebwyd iddynt: {0}</translation>
    </message>
    <message>
        <source>Merged into deleted cases, left in the bin: {0}</source>
        <translation>Wedi’u cyfuno i achosion wedi’u dileu, wedi’u gadael yn y bin: {0}</translation>
    </message>
    <message>
        <source>open</source>
        <translation>ar agor</translation>
    </message>
    <message>
        <source>Save the merge report</source>
        <translation>Cadw adroddiad y cyfuno</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>Saved the merge report to
{0}</source>
        <translation>Cadwyd adroddiad y cyfuno i
{0}</translation>
    </message>
    <message>
        <source>Print the merge report</source>
        <translation>Argraffu adroddiad y cyfuno</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Ffeiliau PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Printed the merge report to
{0}</source>
        <translation>Argraffwyd adroddiad y cyfuno i
{0}</translation>
    </message>
    <message>
        <source>That passphrase did not open {0}.

Try another passphrase (Cancel leaves them unmerged):</source>
        <translation>Ni wnaeth y cyfrinymadrodd hwnnw agor {0}.

Rhowch gynnig ar gyfrinymadrodd arall (mae Canslo yn eu gadael heb eu cyfuno):</translation>
    </message>
    <message>
        <source>{0} is encrypted to a passphrase (its assessor had no pack).

The passphrase the assessor used:</source>
        <translation>Mae {0} wedi’i amgryptio â chyfrinymadrodd (nid oedd gan ei aseswr becyn).

Y cyfrinymadrodd a ddefnyddiodd yr aseswr:</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Cyfrinymadrodd</translation>
    </message>
    <message>
        <source>Assessors&apos; exports</source>
        <translation>Allforion yr aseswyr</translation>
    </message>
    <message>
        <source>Case Assessor exports (*.export *.age);;All files (*)</source>
        <translation>Allforion Case Assessor (*.export *.age);;Pob ffeil (*)</translation>
    </message>
    <message>
        <source>Merging…</source>
        <translation>Yn cyfuno…</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>Cyfuno</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Canslo</translation>
    </message>
    <message>
        <source>{0} of {1} files were not merged:

{2}</source>
        <translation>Ni chyfunwyd {0} o {1} ffeil:

{2}</translation>
    </message>
</context>
<context>
    <name>MigrateDialog</name>
    <message>
        <source>Move inspection to another question-set version</source>
        <translation>Symud yr arolygiad i fersiwn arall o’r set o gwestiynau</translation>
    </message>
    <message>
        <source>{name} uses {set} version {version}.</source>
        <translation>Mae {name} yn defnyddio {set} fersiwn {version}.</translation>
    </message>
    <message>
        <source>Version to move to</source>
        <translation>Y fersiwn i symud iddi</translation>
    </message>
    <message>
        <source>Move to &amp;version</source>
        <translation>Symud i’r &amp;fersiwn</translation>
    </message>
    <message>
        <source>none: only questions and options with the same ids carry over</source>
        <translation>dim: dim ond cwestiynau a dewisiadau â’r un dynodyddion sy’n cael eu cario drosodd</translation>
    </message>
    <message>
        <source>Mapping file</source>
        <translation>Ffeil fapio</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Pori…</translation>
    </message>
    <message>
        <source>&amp;Mapping file</source>
        <translation>Ffeil &amp;fapio</translation>
    </message>
    <message>
        <source>What the migration would do</source>
        <translation>Beth fyddai’r mudo yn ei wneud</translation>
    </message>
    <message>
        <source>Preview shows every answer that would move or be removed. Nothing changes until you press Migrate.</source>
        <translation>Mae Rhagolwg yn dangos pob ateb a fyddai’n symud neu’n cael ei dynnu. Does dim yn newid nes i chi bwyso Mudo.</translation>
    </message>
    <message>
        <source>&amp;Preview</source>
        <translation>&amp;Rhagolwg</translation>
    </message>
    <message>
        <source>&amp;Migrate</source>
        <translation>&amp;Mudo</translation>
    </message>
    <message>
        <source>No other version of this question set is installed. Install one with File › Question sets… or &apos;question-sets install&apos;.</source>
        <translation>Nid oes fersiwn arall o’r set hon o gwestiynau wedi’i gosod. Gosodwch un â Ffeil › Setiau o gwestiynau… neu &apos;question-sets install&apos;.</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>Ffeiliau JSON (*.json)</translation>
    </message>
    <message>
        <source>This migration cannot be made:

{error}</source>
        <translation>Ni ellir gwneud y mudo hwn:

{error}</translation>
    </message>
    <message>
        <source>Move {name} to version {version}? A backup of the database is written first.</source>
        <translation>Symud {name} i fersiwn {version}? Mae copi wrth gefn o’r gronfa ddata yn cael ei ysgrifennu yn gyntaf.</translation>
    </message>
    <message>
        <source>The migration was not made; nothing was changed.

{error}</source>
        <translation>Ni wnaed y mudo; ni newidiwyd dim.

{error}</translation>
    </message>
</context>
<context>
    <name>ModerationTab</name>
    <message>
        <source>Moderation</source>
        <translation>Cymedroli</translation>
    </message>
    <message>
        <source>Grades</source>
        <translation>Graddau</translation>
    </message>
    <message>
        <source>Criterion or assessor</source>
        <translation>Maen prawf neu aseswr</translation>
    </message>
    <message>
        <source>Pairs</source>
        <translation>Parau</translation>
    </message>
    <message>
        <source>Agree</source>
        <translation>Yn cytuno</translation>
    </message>
    <message>
        <source>Cohen&apos;s kappa</source>
        <translation>Kappa Cohen</translation>
    </message>
    <message>
        <source>Agreement figures</source>
        <translation>Ffigurau cytundeb</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Achos</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Cwestiwn</translation>
    </message>
    <message>
        <source>Primary reading</source>
        <translation>Prif ddarlleniad</translation>
    </message>
    <message>
        <source>QA reading</source>
        <translation>Darlleniad SA</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Penderfyniad</translation>
    </message>
    <message>
        <source>QA disagreements</source>
        <translation>Anghytundebau SA</translation>
    </message>
    <message>
        <source>QA second reads</source>
        <translation>Ail ddarlleniadau SA</translation>
    </message>
    <message>
        <source>Share of each assessor&apos;s cases:</source>
        <translation>Cyfran achosion pob aseswr:</translation>
    </message>
    <message>
        <source>Share of each assessor&apos;s cases</source>
        <translation>Cyfran achosion pob aseswr</translation>
    </message>
    <message>
        <source>Readers:</source>
        <translation>Darllenwyr:</translation>
    </message>
    <message>
        <source>QA readers</source>
        <translation>Darllenwyr SA</translation>
    </message>
    <message>
        <source>names, comma-separated (empty: the other assessors)</source>
        <translation>enwau, wedi’u gwahanu gan atalnodau (gwag: yr aseswyr eraill)</translation>
    </message>
    <message>
        <source>Cases:</source>
        <translation>Achosion:</translation>
    </message>
    <message>
        <source>Cases for QA</source>
        <translation>Achosion ar gyfer SA</translation>
    </message>
    <message>
        <source>references (empty: a sample)</source>
        <translation>cyfeirnodau (gwag: sampl)</translation>
    </message>
    <message>
        <source>Give QA reads</source>
        <translation>Rhoi darlleniadau SA</translation>
    </message>
    <message>
        <source>Give QA second reads</source>
        <translation>Rhoi ail ddarlleniadau SA</translation>
    </message>
    <message>
        <source>{0} QA reads given. Make each reader&apos;s blind pack: python main.py make-pack --qa --assessor NAME …</source>
        <translation>Rhoddwyd {0} darlleniad SA. Gwnewch becyn dall pob darllenydd: python main.py make-pack --qa --assessor ENW …</translation>
    </message>
    <message>
        <source>Not given: {0}</source>
        <translation>Heb eu rhoi: {0}</translation>
    </message>
    <message>
        <source>Agreed answer:</source>
        <translation>Ateb y cytunwyd arno:</translation>
    </message>
    <message>
        <source>Agreed answer</source>
        <translation>Ateb y cytunwyd arno</translation>
    </message>
    <message>
        <source>Why:</source>
        <translation>Pam:</translation>
    </message>
    <message>
        <source>Reason for the agreed answer</source>
        <translation>Y rheswm dros yr ateb y cytunwyd arno</translation>
    </message>
    <message>
        <source>Required: the evidence for the agreed answer</source>
        <translation>Gofynnol: y dystiolaeth dros yr ateb y cytunwyd arno</translation>
    </message>
    <message>
        <source>Record agreed answer</source>
        <translation>Cofnodi’r ateb y cytunwyd arno</translation>
    </message>
    <message>
        <source>Record the agreed answer</source>
        <translation>Cofnodi’r ateb y cytunwyd arno</translation>
    </message>
    <message>
        <source>Ask the assessor (query)…</source>
        <translation>Gofyn i’r aseswr (ymholiad)…</translation>
    </message>
    <message>
        <source>N/A</source>
        <translation>Amh.</translation>
    </message>
    <message>
        <source>{0}
Answer: {1}
Note: {2}</source>
        <translation>{0}
Ateb: {1}
Nodyn: {2}</translation>
    </message>
    <message>
        <source>Say why first: every decision is recorded.</source>
        <translation>Dywedwch pam yn gyntaf: mae pob penderfyniad yn cael ei gofnodi.</translation>
    </message>
    <message>
        <source>{0} QA reads given; {1} pairs to compare so far.</source>
        <translation>Rhoddwyd {0} darlleniad SA; {1} pâr i’w cymharu hyd yma.</translation>
    </message>
    <message>
        <source>Criterion</source>
        <translation>Maen prawf</translation>
    </message>
    <message>
        <source>Assessor</source>
        <translation>Aseswr</translation>
    </message>
    <message>
        <source>{0} ({1}: {2})</source>
        <translation>{0} ({1}: {2})</translation>
    </message>
    <message>
        <source>to moderate</source>
        <translation>i’w gymedroli</translation>
    </message>
</context>
<context>
    <name>NewInspectionDialog</name>
    <message>
        <source>New inspection</source>
        <translation>Arolygiad newydd</translation>
    </message>
    <message>
        <source>Inspection name</source>
        <translation>Enw’r arolygiad</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>Ardal</translation>
    </message>
    <message>
        <source>Question set</source>
        <translation>Set o gwestiynau</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Enw</translation>
    </message>
    <message>
        <source>&amp;Area</source>
        <translation>&amp;Ardal</translation>
    </message>
    <message>
        <source>&amp;Framework</source>
        <translation>&amp;Fframwaith</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <source>Choose a passphrase</source>
        <translation>Dewiswch gyfrinymadrodd</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Cyfrinymadrodd</translation>
    </message>
    <message>
        <source>This computer has no keystore, so your case data and keys are encrypted with a passphrase you choose now. Use at least {n} characters and the strength of four random words (five unrelated, uncommon words are easy to remember; &apos;new-passphrase&apos; makes some). Without it nobody can open {what}: if you lose it, only the lead inspector can recover an inspection set up from a pack.</source>
        <translation>Nid oes storfa allweddi ar y cyfrifiadur hwn, felly mae data eich achosion a’ch allweddi yn cael eu hamgryptio â chyfrinymadrodd rydych yn ei ddewis nawr. Defnyddiwch {n} nod o leiaf a chryfder pedwar gair ar hap (mae pum gair anghyffredin heb gysylltiad rhyngddynt yn hawdd eu cofio; mae &apos;new-passphrase&apos; yn gwneud rhai). Hebddo ni all neb agor {what}: os byddwch yn ei golli, dim ond yr arolygydd arweiniol all adfer arolygiad a sefydlwyd o becyn.</translation>
    </message>
    <message>
        <source>Enter your Case Assessor passphrase to open {what}.</source>
        <translation>Rhowch eich cyfrinymadrodd Case Assessor i agor {what}.</translation>
    </message>
    <message>
        <source>&amp;Passphrase</source>
        <translation>&amp;Cyfrinymadrodd</translation>
    </message>
    <message>
        <source>Passphrase again</source>
        <translation>Cyfrinymadrodd eto</translation>
    </message>
    <message>
        <source>&amp;Again</source>
        <translation>&amp;Eto</translation>
    </message>
    <message>
        <source>The two passphrases differ. Type the same one twice.</source>
        <translation>Mae’r ddau gyfrinymadrodd yn wahanol. Teipiwch yr un un ddwywaith.</translation>
    </message>
</context>
<context>
    <name>Queries</name>
    <message>
        <source>asked</source>
        <translation>gofynnodd</translation>
    </message>
    <message>
        <source>asked again</source>
        <translation>gofynnodd eto</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>caeodd</translation>
    </message>
    <message>
        <source>replied</source>
        <translation>ymatebodd</translation>
    </message>
    <message>
        <source>(answer then: {0})</source>
        <translation>(yr ateb bryd hynny: {0})</translation>
    </message>
    <message>
        <source>Query</source>
        <translation>Ymholiad</translation>
    </message>
    <message>
        <source>No question of this case has a query open.</source>
        <translation>Nid oes ymholiad ar agor ar unrhyw gwestiwn yn yr achos hwn.</translation>
    </message>
    <message>
        <source>Select a case first.</source>
        <translation>Dewiswch achos yn gyntaf.</translation>
    </message>
    <message>
        <source>Query raised for {0}; it travels in their next pack.</source>
        <translation>Codwyd ymholiad ar gyfer {0}; bydd yn mynd yn eu pecyn nesaf.</translation>
    </message>
</context>
<context>
    <name>QueriesDialog</name>
    <message>
        <source>Queries · {0}</source>
        <translation>Ymholiadau · {0}</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Cyflwr</translation>
    </message>
    <message>
        <source>Not closed</source>
        <translation>Heb eu cau</translation>
    </message>
    <message>
        <source>All states</source>
        <translation>Pob cyflwr</translation>
    </message>
    <message>
        <source>Case reference</source>
        <translation>Cyfeirnod yr achos</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Dangos:</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Achos</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Cwestiwn</translation>
    </message>
    <message>
        <source>Assessor</source>
        <translation>Aseswr</translation>
    </message>
    <message>
        <source>Queries</source>
        <translation>Ymholiadau</translation>
    </message>
    <message>
        <source>Query</source>
        <translation>Ymholiad</translation>
    </message>
    <message>
        <source>Latest</source>
        <translation>Diweddaraf</translation>
    </message>
    <message>
        <source>(case)</source>
        <translation>(achos)</translation>
    </message>
    <message>
        <source>{0} queries shown.</source>
        <translation>Dangosir {0} ymholiad.</translation>
    </message>
</context>
<context>
    <name>QueryStrip</name>
    <message>
        <source>Query</source>
        <translation>Ymholiad</translation>
    </message>
    <message>
        <source>Your reply</source>
        <translation>Eich ymateb</translation>
    </message>
    <message>
        <source>Send reply</source>
        <translation>Anfon ymateb</translation>
    </message>
    <message>
        <source>Close query</source>
        <translation>Cau’r ymholiad</translation>
    </message>
    <message>
        <source>Reopen with comment</source>
        <translation>Ailagor gyda sylw</translation>
    </message>
    <message>
        <source>the whole case</source>
        <translation>yr achos cyfan</translation>
    </message>
    <message>
        <source> · {0} more not closed on this case (F4)</source>
        <translation> · {0} arall heb eu cau ar yr achos hwn (F4)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Query on {0}&lt;/b&gt; · {1}{2}</source>
        <translation>&lt;b&gt;Ymholiad ar {0}&lt;/b&gt; · {1}{2}</translation>
    </message>
    <message>
        <source>Reply to the lead inspector (change the answer above if needed)</source>
        <translation>Ymateb i’r arolygydd arweiniol (newidiwch yr ateb uchod os oes angen)</translation>
    </message>
    <message>
        <source>A further comment (to reopen)</source>
        <translation>Sylw pellach (i ailagor)</translation>
    </message>
</context>
<context>
    <name>QuestionPanel</name>
    <message>
        <source>Criterion progress</source>
        <translation>Cynnydd y maen prawf</translation>
    </message>
    <message>
        <source>Question group</source>
        <translation>Grŵp o gwestiynau</translation>
    </message>
    <message>
        <source>Guidance (F2)</source>
        <translation>Canllawiau (F2)</translation>
    </message>
    <message>
        <source>Show or hide the guidance (F2)</source>
        <translation>Dangos neu guddio’r canllawiau (F2)</translation>
    </message>
    <message>
        <source>Sources (F3)</source>
        <translation>Ffynonellau (F3)</translation>
    </message>
    <message>
        <source>Show or hide where the question comes from (F3)</source>
        <translation>Dangos neu guddio o ble mae’r cwestiwn yn dod (F3)</translation>
    </message>
    <message>
        <source>Mo&amp;ve on after each answer</source>
        <translation>S&amp;ymud ymlaen ar ôl pob ateb</translation>
    </message>
    <message>
        <source>After a single-choice answer, go straight to the next question</source>
        <translation>Ar ôl ateb un dewis, mynd yn syth i’r cwestiwn nesaf</translation>
    </message>
    <message>
        <source>Move on after each answer</source>
        <translation>Symud ymlaen ar ôl pob ateb</translation>
    </message>
    <message>
        <source>Practice illustration (Ctrl+I)</source>
        <translation>Enghraifft o arfer (Ctrl+I)</translation>
    </message>
    <message>
        <source>Practice illustration</source>
        <translation>Enghraifft o arfer</translation>
    </message>
    <message>
        <source>&amp;Note (Ctrl+E; Esc returns to the answers)</source>
        <translation>&amp;Nodyn (Ctrl+E; mae Esc yn dychwelyd i’r atebion)</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nodyn</translation>
    </message>
    <message>
        <source>Evidence, reasons, page references…</source>
        <translation>Tystiolaeth, rhesymau, cyfeirnodau tudalennau…</translation>
    </message>
    <message>
        <source>◀ Back</source>
        <translation>◀ Yn ôl</translation>
    </message>
    <message>
        <source>Previous question (Page Up)</source>
        <translation>Y cwestiwn blaenorol (Page Up)</translation>
    </message>
    <message>
        <source>Previous question</source>
        <translation>Y cwestiwn blaenorol</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>Nesaf ▶</translation>
    </message>
    <message>
        <source>Next question (Enter or Page Down)</source>
        <translation>Y cwestiwn nesaf (Enter neu Page Down)</translation>
    </message>
    <message>
        <source>Next question</source>
        <translation>Y cwestiwn nesaf</translation>
    </message>
    <message>
        <source>Next unanswered</source>
        <translation>Yr un nesaf heb ei ateb</translation>
    </message>
    <message>
        <source>Jump to the next unanswered question (Ctrl+J)</source>
        <translation>Neidio i’r cwestiwn nesaf heb ei ateb (Ctrl+J)</translation>
    </message>
    <message>
        <source>Next unanswered question</source>
        <translation>Y cwestiwn nesaf heb ei ateb</translation>
    </message>
</context>
<context>
    <name>QuestionSetsDialog</name>
    <message>
        <source>Question sets</source>
        <translation>Setiau o gwestiynau</translation>
    </message>
    <message>
        <source>Every version of every question set this copy knows. New inspections are offered the newest version of a set; an inspection stays on its own version.</source>
        <translation>Pob fersiwn o bob set o gwestiynau y mae’r copi hwn yn ei hadnabod. Cynigir y fersiwn ddiweddaraf o set i arolygiadau newydd; mae arolygiad yn aros ar ei fersiwn ei hun.</translation>
    </message>
    <message>
        <source>Set</source>
        <translation>Set</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Fersiwn</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Teitl</translation>
    </message>
    <message>
        <source>Questions</source>
        <translation>Cwestiynau</translation>
    </message>
    <message>
        <source>Origin</source>
        <translation>Tarddiad</translation>
    </message>
    <message>
        <source>Offered</source>
        <translation>Cynigir</translation>
    </message>
    <message>
        <source>Question sets and versions</source>
        <translation>Setiau o gwestiynau a’u fersiynau</translation>
    </message>
    <message>
        <source>Result of the last action</source>
        <translation>Canlyniad y weithred olaf</translation>
    </message>
    <message>
        <source>Problems found in a file you install are listed here, each with its sheet, row and column.</source>
        <translation>Rhestrir yma y problemau a geir mewn ffeil rydych yn ei gosod, pob un gyda’i thaflen, ei rhes a’i cholofn.</translation>
    </message>
    <message>
        <source>&amp;Install JSON/XLSX…</source>
        <translation>&amp;Gosod JSON/XLSX…</translation>
    </message>
    <message>
        <source>&amp;Save as XLSX…</source>
        <translation>&amp;Cadw fel XLSX…</translation>
    </message>
    <message>
        <source>built-in</source>
        <translation>adeiledig</translation>
    </message>
    <message>
        <source>installed</source>
        <translation>wedi’i gosod</translation>
    </message>
    <message>
        <source>newest</source>
        <translation>diweddaraf</translation>
    </message>
    <message>
        <source>Files not loaded:</source>
        <translation>Ffeiliau na chawsant eu llwytho:</translation>
    </message>
    <message>
        <source>Save {0} as a workbook to edit</source>
        <translation>Cadw {0} fel llyfr gwaith i’w olygu</translation>
    </message>
    <message>
        <source>Select a set and version in the list first</source>
        <translation>Dewiswch set a fersiwn yn y rhestr yn gyntaf</translation>
    </message>
    <message>
        <source>Install a question set</source>
        <translation>Gosod set o gwestiynau</translation>
    </message>
    <message>
        <source>Question sets (*.json *.xlsx)</source>
        <translation>Setiau o gwestiynau (*.json *.xlsx)</translation>
    </message>
    <message>
        <source>Not installed; nothing was changed.</source>
        <translation>Ni osodwyd; ni newidiwyd dim.</translation>
    </message>
    <message>
        <source>Installed {0} version {1} ({2} questions).</source>
        <translation>Gosodwyd {0} fersiwn {1} ({2} cwestiwn).</translation>
    </message>
    <message>
        <source>Save the question set as a spreadsheet</source>
        <translation>Cadw’r set o gwestiynau fel taenlen</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Llyfrau gwaith Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Not saved.</source>
        <translation>Ni chadwyd.</translation>
    </message>
    <message>
        <source>Saved {0} version {1} to {2}. Edit it, give it a new version number on the settings sheet, and install it here.</source>
        <translation>Cadwyd {0} fersiwn {1} i {2}. Golygwch ef, rhowch rif fersiwn newydd iddo ar y daflen settings, a’i osod yma.</translation>
    </message>
</context>
<context>
    <name>RaiseDialog</name>
    <message>
        <source>Raise a query · {0}</source>
        <translation>Codi ymholiad · {0}</translation>
    </message>
    <message>
        <source>The whole case</source>
        <translation>Yr achos cyfan</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Cwestiwn</translation>
    </message>
    <message>
        <source>About:</source>
        <translation>Ynghylch:</translation>
    </message>
    <message>
        <source>The query</source>
        <translation>Yr ymholiad</translation>
    </message>
    <message>
        <source>e.g. the plan was dated after the 15 working days; please check</source>
        <translation>e.e. roedd dyddiad y cynllun ar ôl y 15 diwrnod gwaith; gwiriwch os gwelwch yn dda</translation>
    </message>
    <message>
        <source>For</source>
        <translation>Ar gyfer</translation>
    </message>
    <message>
        <source>For:</source>
        <translation>Ar gyfer:</translation>
    </message>
    <message>
        <source>Keep it open when the reply is merged (I will close it)</source>
        <translation>Ei gadw ar agor pan gaiff yr ymateb ei gyfuno (byddaf i’n ei gau)</translation>
    </message>
    <message>
        <source>Raise query</source>
        <translation>Codi ymholiad</translation>
    </message>
</context>
<context>
    <name>ReturnDialog</name>
    <message>
        <source>Return case {0} to its assessor</source>
        <translation>Dychwelyd achos {0} i’w aseswr</translation>
    </message>
    <message>
        <source>Say what to change. The assessor sees your comments in the case and at the questions you comment on, once they import your return pack (Lead › Make a pack, Returns only).</source>
        <translation>Dywedwch beth i’w newid. Mae’r aseswr yn gweld eich sylwadau yn yr achos ac wrth y cwestiynau y rhowch sylw arnynt, unwaith y bydd yn mewnforio eich pecyn dychwelyd (Arweinydd › Gwneud pecyn, Dychweliadau yn unig).</translation>
    </message>
    <message>
        <source>Comment on the case</source>
        <translation>Sylw ar yr achos</translation>
    </message>
    <message>
        <source>&amp;Comment on the case:</source>
        <translation>&amp;Sylw ar yr achos:</translation>
    </message>
    <message>
        <source>Question to comment on</source>
        <translation>Y cwestiwn i roi sylw arno</translation>
    </message>
    <message>
        <source>On the &amp;answer to:</source>
        <translation>Ar yr &amp;ateb i:</translation>
    </message>
    <message>
        <source>Comment on the answer</source>
        <translation>Sylw ar yr ateb</translation>
    </message>
    <message>
        <source>What to check or change in this answer</source>
        <translation>Beth i’w wirio neu ei newid yn yr ateb hwn</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Ychwanegu</translation>
    </message>
    <message>
        <source>Add the comment on the answer</source>
        <translation>Ychwanegu’r sylw ar yr ateb</translation>
    </message>
    <message>
        <source>Co&amp;mment on it:</source>
        <translation>Sy&amp;lw arno:</translation>
    </message>
    <message>
        <source>Comments on answers</source>
        <translation>Sylwadau ar atebion</translation>
    </message>
    <message>
        <source>&amp;Return the case</source>
        <translation>&amp;Dychwelyd yr achos</translation>
    </message>
    <message>
        <source>Write a comment on the case saying what to change.</source>
        <translation>Ysgrifennwch sylw ar yr achos yn dweud beth i’w newid.</translation>
    </message>
</context>
<context>
    <name>ReviewNotes</name>
    <message>
        <source>The lead inspector&apos;s comments</source>
        <translation>Sylwadau’r arolygydd arweiniol</translation>
    </message>
    <message>
        <source>This case was submitted to the lead inspector and is read-only until they return it.</source>
        <translation>Cyflwynwyd yr achos hwn i’r arolygydd arweiniol ac mae’n ddarllen yn unig nes iddynt ei ddychwelyd.</translation>
    </message>
    <message>
        <source>The lead inspector has approved this case. Case › Reopen (Ctrl+R) asks for a reason; every change is then recorded with it.</source>
        <translation>Mae’r arolygydd arweiniol wedi cymeradwyo’r achos hwn. Mae Achos › Ailagor (Ctrl+R) yn gofyn am reswm; yna caiff pob newid ei gofnodi gydag ef.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Returned by {0} ({1}):&lt;/b&gt; {2}</source>
        <translation>&lt;b&gt;Dychwelwyd gan {0} ({1}):&lt;/b&gt; {2}</translation>
    </message>
    <message>
        <source>&lt;b&gt;{0}&apos;s comment on this answer:&lt;/b&gt; {1}</source>
        <translation>&lt;b&gt;Sylw {0} ar yr ateb hwn:&lt;/b&gt; {1}</translation>
    </message>
    <message>
        <source>This case is marked complete and is read-only. Use Case › Reopen (Ctrl+R) to change it.</source>
        <translation>Mae’r achos hwn wedi’i farcio’n gyflawn ac mae’n ddarllen yn unig. Defnyddiwch Achos › Ailagor (Ctrl+R) i’w newid.</translation>
    </message>
</context>
<context>
    <name>SampleDialog</name>
    <message>
        <source>Import sample list</source>
        <translation>Mewnforio rhestr y sampl</translation>
    </message>
    <message>
        <source>A CSV file (from a spreadsheet: Save as › CSV UTF-8) with one case per row: the case reference first, then any case details of {0}, by column label. The template lists every column and the values it takes. Nothing is imported unless every row is right; every problem is listed at once.</source>
        <translation>Ffeil CSV (o daenlen: Cadw fel › CSV UTF-8) gydag un achos ym mhob rhes: cyfeirnod yr achos yn gyntaf, yna unrhyw fanylion achos o {0}, yn ôl label y golofn. Mae’r templed yn rhestru pob colofn a’r gwerthoedd y mae’n eu derbyn. Does dim yn cael ei fewnforio oni bai fod pob rhes yn gywir; mae pob problem yn cael ei rhestru ar unwaith.</translation>
    </message>
    <message>
        <source>Sample list file</source>
        <translation>Ffeil rhestr y sampl</translation>
    </message>
    <message>
        <source>sample.csv</source>
        <translation>sampl.csv</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Pori…</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>&amp;Ffeil:</translation>
    </message>
    <message>
        <source>&amp;Skip cases already in the inspection (import only the new ones)</source>
        <translation>&amp;Hepgor achosion sydd eisoes yn yr arolygiad (mewnforio’r rhai newydd yn unig)</translation>
    </message>
    <message>
        <source>Without this, a file holding a case the inspection already has is refused whole.</source>
        <translation>Heb hyn, caiff ffeil sy’n cynnwys achos sydd gan yr arolygiad eisoes ei gwrthod yn gyfan.</translation>
    </message>
    <message>
        <source>Save CSV &amp;template…</source>
        <translation>Cadw &amp;templed CSV…</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Mewnforio</translation>
    </message>
    <message>
        <source>Sample list</source>
        <translation>Rhestr y sampl</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Ffeiliau CSV (*.csv)</translation>
    </message>
</context>
<context>
    <name>ScorePanel</name>
    <message>
        <source>&lt;b&gt;Scores for this case&lt;/b&gt;</source>
        <translation>&lt;b&gt;Sgorau’r achos hwn&lt;/b&gt;</translation>
    </message>
    <message>
        <source>⚠ {0} unresolved merge conflicts in this case: these scores may change.</source>
        <translation>⚠ {0} achos o wrthdaro cyfuno heb eu datrys yn yr achos hwn: gall y sgorau hyn newid.</translation>
    </message>
    <message>
        <source>Outcome / criterion</source>
        <translation>Canlyniad / maen prawf</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Sgôr</translation>
    </message>
    <message>
        <source>Scores for this case</source>
        <translation>Sgorau’r achos hwn</translation>
    </message>
    <message>
        <source>&lt;b&gt;Below the line&lt;/b&gt;</source>
        <translation>&lt;b&gt;O dan y llinell&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Questions below the line</source>
        <translation>Cwestiynau o dan y llinell</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Who is working?</source>
        <translation>Pwy sy’n gweithio?</translation>
    </message>
    <message>
        <source>Assessor</source>
        <translation>Aseswr</translation>
    </message>
    <message>
        <source>Before your first change, Case Assessor needs your name. Every answer, change and deletion is recorded in the audit trail with the name of the person who made it, so the lead inspector can see who assessed each case. Your name is stored in this database only, and you can change it later in File › Assessor settings.</source>
        <translation>Cyn eich newid cyntaf, mae angen eich enw ar Case Assessor. Mae pob ateb, newid a dilead yn cael ei gofnodi yn y trywydd archwilio gydag enw’r person a’i gwnaeth, fel y gall yr arolygydd arweiniol weld pwy a aseswodd bob achos. Caiff eich enw ei storio yn y gronfa ddata hon yn unig, a gallwch ei newid yn nes ymlaen yn Ffeil › Gosodiadau’r aseswr.</translation>
    </message>
    <message>
        <source>Your name and ID are recorded with every answer you give.</source>
        <translation>Caiff eich enw a’ch rhif adnabod eu cofnodi gyda phob ateb a roddwch.</translation>
    </message>
    <message>
        <source>Assessor name</source>
        <translation>Enw’r aseswr</translation>
    </message>
    <message>
        <source>Assessor ID</source>
        <translation>Rhif adnabod yr aseswr</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Enw</translation>
    </message>
    <message>
        <source>&amp;ID</source>
        <translation>&amp;Rhif adnabod</translation>
    </message>
</context>
<context>
    <name>Stage</name>
    <message>
        <source>Case details</source>
        <translation>Manylion yr achos</translation>
    </message>
    <message>
        <source>Assessment and planning</source>
        <translation>Asesu a chynllunio</translation>
    </message>
    <message>
        <source>Delivery and review</source>
        <translation>Cyflawni ac adolygu</translation>
    </message>
    <message>
        <source>Outcomes</source>
        <translation>Canlyniadau</translation>
    </message>
    <message>
        <source>Victim work</source>
        <translation>Gwaith gyda dioddefwyr</translation>
    </message>
    <message>
        <source>Leadership and management (officer interview)</source>
        <translation>Arweinyddiaeth a rheolaeth (cyfweliad â’r swyddog)</translation>
    </message>
</context>
<context>
    <name>TrustDialog</name>
    <message>
        <source>A key not yet trusted</source>
        <translation>Allwedd nad yw’n ddibynadwy eto</translation>
    </message>
    <message>
        <source>A file is signed with the key

{0}

It says it is from “{1}”. Check the fingerprint with the assessor by phone or in person, then choose whose key it is. Their files may only change the cases given to them.</source>
        <translation>Mae ffeil wedi’i llofnodi â’r allwedd

{0}

Mae’n dweud ei bod gan “{1}”. Gwiriwch yr ôl bys gyda’r aseswr dros y ffôn neu wyneb yn wyneb, yna dewiswch allwedd pwy yw hi. Dim ond yr achosion a roddwyd iddynt y caiff eu ffeiliau eu newid.</translation>
    </message>
    <message>
        <source>Whose key it is</source>
        <translation>Allwedd pwy yw hi</translation>
    </message>
    <message>
        <source>— choose the assessor —</source>
        <translation>— dewiswch yr aseswr —</translation>
    </message>
    <message>
        <source>&amp;Trust as this assessor</source>
        <translation>&amp;Ymddiried fel yr aseswr hwn</translation>
    </message>
    <message>
        <source>&amp;Refuse the file</source>
        <translation>&amp;Gwrthod y ffeil</translation>
    </message>
</context>
<context>
    <name>TrustedKeysDialog</name>
    <message>
        <source>Trusted keys</source>
        <translation>Allweddi dibynadwy</translation>
    </message>
    <message>
        <source>A revoked key is never trusted again: every file it signs is refused, with the date it was revoked. An assessor with a new laptop enrols again.</source>
        <translation>Nid yw allwedd a ddirymwyd byth yn cael ei hymddiried eto: caiff pob ffeil y mae’n ei llofnodi ei gwrthod, gyda’r dyddiad y cafodd ei dirymu. Mae aseswr â gliniadur newydd yn cofrestru eto.</translation>
    </message>
    <message>
        <source>Fingerprint</source>
        <translation>Ôl bys</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Enw</translation>
    </message>
    <message>
        <source>Trusted for</source>
        <translation>Dibynadwy ar gyfer</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Ers</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statws</translation>
    </message>
    <message>
        <source>Revoke…</source>
        <translation>Dirymu…</translation>
    </message>
    <message>
        <source>Revoke the selected key</source>
        <translation>Dirymu’r allwedd a ddewiswyd</translation>
    </message>
    <message>
        <source>Revoked {0} by {1}</source>
        <translation>Dirymwyd {0} gan {1}</translation>
    </message>
    <message>
        <source>Trusted</source>
        <translation>Dibynadwy</translation>
    </message>
    <message>
        <source>Revoke a key</source>
        <translation>Dirymu allwedd</translation>
    </message>
    <message>
        <source>Revoke the key {0} ({1})?

Every file it signs will be refused from now on, in every inspection, and no pack will be encrypted to it. This cannot be undone: {1} would enrol again with a new key.</source>
        <translation>Dirymu’r allwedd {0} ({1})?

Caiff pob ffeil y mae’n ei llofnodi ei gwrthod o hyn ymlaen, ym mhob arolygiad, ac ni chaiff unrhyw becyn ei amgryptio iddi. Ni ellir dadwneud hyn: byddai {1} yn cofrestru eto ag allwedd newydd.</translation>
    </message>
    <message>
        <source>The key was not revoked.</source>
        <translation>Ni ddirymwyd yr allwedd.</translation>
    </message>
</context>
<context>
    <name>Unlock</name>
    <message>
        <source>The database {path} is not encrypted: anyone who gets the file can read the cases in it.

Encrypt it now? (Recommended. Its key is kept in {how}; the file keeps working as before.)</source>
        <translation>Nid yw’r gronfa ddata {path} wedi’i hamgryptio: gall unrhyw un sy’n cael y ffeil ddarllen yr achosion ynddi.

Ei hamgryptio nawr? (Argymhellir. Caiff ei hallwedd ei chadw yn {how}; mae’r ffeil yn parhau i weithio fel o’r blaen.)</translation>
    </message>
    <message>
        <source>The database was not encrypted; it is as it was.

{e}</source>
        <translation>Ni amgryptiwyd y gronfa ddata; mae fel yr oedd.

{e}</translation>
    </message>
</context>
<context>
    <name>WindowBase</name>
    <message>
        <source>Read-only database</source>
        <translation>Cronfa ddata darllen yn unig</translation>
    </message>
    <message>
        <source>Save state</source>
        <translation>Cyflwr cadw</translation>
    </message>
    <message>
        <source>Case Assessor</source>
        <translation>Case Assessor</translation>
    </message>
    <message>
        <source>Some answers could not be saved yet. They stay on screen and are being retried.</source>
        <translation>Nid oedd modd cadw rhai atebion eto. Maen nhw’n aros ar y sgrin ac yn cael eu cadw eto.</translation>
    </message>
    <message>
        <source>The settings could not be saved.</source>
        <translation>Nid oedd modd cadw’r gosodiadau.</translation>
    </message>
    <message>
        <source>✓ Saved</source>
        <translation>✓ Wedi’i gadw</translation>
    </message>
    <message>
        <source>⚠ Not saved — retrying</source>
        <translation>⚠ Heb ei gadw — yn ceisio eto</translation>
    </message>
    <message>
        <source>Typing…</source>
        <translation>Yn teipio…</translation>
    </message>
    <message>
        <source>Read-only: nothing can be changed</source>
        <translation>Darllen yn unig: ni ellir newid dim</translation>
    </message>
    <message>
        <source>No inspection yet: create one with New inspection…</source>
        <translation>Dim arolygiad eto: crëwch un ag Arolygiad newydd…</translation>
    </message>
    <message>
        <source>The cases could not be loaded.</source>
        <translation>Nid oedd modd llwytho’r achosion.</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>The database {0} could not be opened.

{1}</source>
        <translation>Nid oedd modd agor y gronfa ddata {0}.

{1}</translation>
    </message>
    <message>
        <source>

These folders will be created too:
{0}</source>
        <translation>

Bydd y ffolderi hyn yn cael eu creu hefyd:
{0}</translation>
    </message>
    <message>
        <source>There is no database at
{0}

Create a new, empty database there?{1}</source>
        <translation>Nid oes cronfa ddata yn
{0}

Creu cronfa ddata newydd, wag yno?{1}</translation>
    </message>
</context>
<context>
    <name>export_data</name>
    <message>
        <source>The data was not exported.</source>
        <translation>Ni allforiwyd y data.</translation>
    </message>
    <message>
        <source>Exported {0} cases to {1}.</source>
        <translation>Allforiwyd {0} achos i {1}.</translation>
    </message>
</context>
<context>
    <name>keys</name>
    <message>
        <source>Check the lead inspector&apos;s key</source>
        <translation>Gwirio allwedd yr arolygydd arweiniol</translation>
    </message>
    <message>
        <source>This pack is signed by the lead inspector “{0}” with the key

{1}

Is this the fingerprint your lead inspector read out to you, by phone or in person? If not, or if you are not sure, choose No: nothing will be imported.</source>
        <translation>Mae’r pecyn hwn wedi’i lofnodi gan yr arolygydd arweiniol “{0}” â’r allwedd

{1}

Ai dyma’r ôl bys a ddarllenodd eich arolygydd arweiniol i chi, dros y ffôn neu wyneb yn wyneb? Os nad e, neu os nad ydych yn siŵr, dewiswch Na: ni fydd dim yn cael ei fewnforio.</translation>
    </message>
    <message>
        <source>The enrolment file was not written.</source>
        <translation>Ni ysgrifennwyd y ffeil gofrestru.</translation>
    </message>
    <message>
        <source>Write my enrolment file</source>
        <translation>Ysgrifennu fy ffeil gofrestru</translation>
    </message>
    <message>
        <source>Enrolment files (*.enrol)</source>
        <translation>Ffeiliau cofrestru (*.enrol)</translation>
    </message>
    <message>
        <source>Enrolment file written</source>
        <translation>Ysgrifennwyd y ffeil gofrestru</translation>
    </message>
    <message>
        <source>Wrote the enrolment of {0} to
{1}

Send it to your lead inspector (nothing in it is secret), then read them this fingerprint by phone or in person:

{2}</source>
        <translation>Ysgrifennwyd cofrestriad {0} i
{1}

Anfonwch hi at eich arolygydd arweiniol (does dim byd cyfrinachol ynddi), yna darllenwch yr ôl bys hwn iddynt dros y ffôn neu wyneb yn wyneb:

{2}</translation>
    </message>
    <message>
        <source>Import an assessor&apos;s enrolment</source>
        <translation>Mewnforio cofrestriad aseswr</translation>
    </message>
    <message>
        <source>Enrolment files (*.enrol);;All files (*)</source>
        <translation>Ffeiliau cofrestru (*.enrol);;Pob ffeil (*)</translation>
    </message>
    <message>
        <source>Check the assessor&apos;s key</source>
        <translation>Gwirio allwedd yr aseswr</translation>
    </message>
    <message>
        <source>The enrolment of “{0}” has the key

{1}

Is this the fingerprint {0} read out to you, by phone or in person? Yes enrols them for {2}: their packs are encrypted to this key alone and their files are trusted as theirs.</source>
        <translation>Mae gan gofrestriad “{0}” yr allwedd

{1}

Ai dyma’r ôl bys a ddarllenodd {0} i chi, dros y ffôn neu wyneb yn wyneb? Mae Ie yn eu cofrestru ar gyfer {2}: caiff eu pecynnau eu hamgryptio i’r allwedd hon yn unig a chaiff eu ffeiliau eu hystyried yn eiddo iddynt hwy.</translation>
    </message>
    <message>
        <source>The enrolment was not imported.</source>
        <translation>Ni fewnforiwyd y cofrestriad.</translation>
    </message>
    <message>
        <source>Enrolled.</source>
        <translation>Wedi cofrestru.</translation>
    </message>
    <message>
        <source>Already enrolled.</source>
        <translation>Wedi cofrestru eisoes.</translation>
    </message>
</context>
<context>
    <name>question_panel</name>
    <message>
        <source>From the reports: {0}</source>
        <translation>O’r adroddiadau: {0}</translation>
    </message>
    <message>
        <source>No guidance for this question.</source>
        <translation>Dim canllawiau ar gyfer y cwestiwn hwn.</translation>
    </message>
    <message>
        <source>&lt;b&gt;{0}&lt;/b&gt;, line {1}: “{2}”</source>
        <translation>&lt;b&gt;{0}&lt;/b&gt;, llinell {1}: “{2}”</translation>
    </message>
    <message>
        <source>Stem: {0}</source>
        <translation>Bôn: {0}</translation>
    </message>
    <message>
        <source>Seed lines for {0}</source>
        <translation>Llinellau ffynhonnell ar gyfer {0}</translation>
    </message>
    <message>
        <source>Provenance.</source>
        <translation>Tarddiad.</translation>
    </message>
</context>
<context>
    <name>sample_dialog</name>
    <message>
        <source>
… and {0} more (Show Details… lists them all)</source>
        <translation>
… a {0} arall (mae Dangos Manylion… yn eu rhestru i gyd)</translation>
    </message>
    <message>
        <source>{0} problems; nothing was imported:

{1}</source>
        <translation>{0} problem; ni fewnforiwyd dim:

{1}</translation>
    </message>
</context>
</TS>
