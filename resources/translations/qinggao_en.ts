<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="zh_CN">
  <context>
    <name>Jobs</name>
    <message>
      <location filename="../../desktop/jobs.py" line="29" />
      <source>读取</source>
      <translation>reading</translation>
    </message>
    <message>
      <location filename="../../desktop/jobs.py" line="29" />
      <source>统一字符</source>
      <translation>folding characters</translation>
    </message>
    <message>
      <location filename="../../desktop/jobs.py" line="29" />
      <source>去除噪声</source>
      <translation>Noise removed</translation>
    </message>
    <message>
      <location filename="../../desktop/jobs.py" line="29" />
      <source>合并断行</source>
      <translation>joining broken lines</translation>
    </message>
    <message>
      <location filename="../../desktop/jobs.py" line="30" />
      <source>规范标点</source>
      <translation>normalizing punctuation</translation>
    </message>
    <message>
      <location filename="../../desktop/jobs.py" line="30" />
      <source>识别结构</source>
      <translation>finding the structure</translation>
    </message>
    <message>
      <location filename="../../desktop/jobs.py" line="30" />
      <source>整理编号</source>
      <translation>numbering</translation>
    </message>
    <message>
      <location filename="../../desktop/jobs.py" line="30" />
      <source>检查</source>
      <translation>checking</translation>
    </message>
    <message>
      <location filename="../../desktop/jobs.py" line="30" />
      <source>复核</source>
      <translation>re-checking</translation>
    </message>
    <message>
      <location filename="../../desktop/jobs.py" line="31" />
      <source>导出</source>
      <translation>exporting</translation>
    </message>
    <message>
      <location filename="../../desktop/jobs.py" line="50" />
      <source>等待</source>
      <translation>Waiting</translation>
    </message>
    <message>
      <location filename="../../desktop/jobs.py" line="50" />
      <source>处理中</source>
      <translation>Working</translation>
    </message>
    <message>
      <location filename="../../desktop/jobs.py" line="50" />
      <source>完成</source>
      <translation>Done</translation>
    </message>
    <message>
      <location filename="../../desktop/jobs.py" line="50" />
      <source>导出中</source>
      <translation>Exporting</translation>
    </message>
    <message>
      <location filename="../../desktop/jobs.py" line="51" />
      <source>已导出</source>
      <translation>Exported</translation>
    </message>
    <message>
      <location filename="../../desktop/jobs.py" line="51" />
      <source>失败</source>
      <translation>Failed</translation>
    </message>
    <message>
      <location filename="../../desktop/jobs.py" line="51" />
      <source>已取消</source>
      <translation>Cancelled</translation>
    </message>
    <message>
      <location filename="../../desktop/jobs.py" line="51" />
      <source>已跳过</source>
      <translation>Skipped</translation>
    </message>
    <message>
      <location filename="../../desktop/jobs.py" line="55" />
      <source>缺文</source>
      <translation>Text missing</translation>
    </message>
    <message>
      <location filename="../../desktop/jobs.py" line="55" />
      <source>待填</source>
      <translation>To fill</translation>
    </message>
    <message>
      <location filename="../../desktop/jobs.py" line="55" />
      <source>编码存疑</source>
      <translation>Encoding unsure</translation>
    </message>
    <message>
      <location filename="../../desktop/jobs.py" line="85" />
      <source>已修改，待重新导出</source>
      <translation>Edited, export again</translation>
    </message>
    <message>
      <location filename="../../desktop/jobs.py" line="118" />
      <source>此处原文缺失{n}，需找到全文补齐</source>
      <translation>Text missing here {n}; find the full text to complete it</translation>
    </message>
    <message>
      <location filename="../../desktop/jobs.py" line="122" />
      <source>模板占位符“{p}”待填写</source>
      <translation>Template placeholder “{p}” to fill in</translation>
    </message>
    <message>
      <location filename="../../desktop/jobs.py" line="143" />
      <source>文件</source>
      <translation>File</translation>
    </message>
    <message>
      <location filename="../../desktop/jobs.py" line="143" />
      <source>类型</source>
      <translation>Type</translation>
    </message>
    <message>
      <location filename="../../desktop/jobs.py" line="143" />
      <source>编码</source>
      <translation>Encoding</translation>
    </message>
    <message>
      <location filename="../../desktop/jobs.py" line="143" />
      <source>状态</source>
      <translation>Status</translation>
    </message>
    <message>
      <location filename="../../desktop/jobs.py" line="143" />
      <source>提示</source>
      <translation>Warnings</translation>
    </message>
    <message>
      <location filename="../../desktop/jobs.py" line="143" />
      <source>输出</source>
      <translation>Output</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <location filename="../../desktop/main_window.py" line="76" />
      <source>清稿 QingGao — 文稿清理与公文排版</source>
      <translation>QingGao — clean drafts into official documents</translation>
    </message>
    <message>
      <location filename="../../desktop/main_window.py" line="126" />
      <source>添加文件</source>
      <translation>Add files</translation>
    </message>
    <message>
      <location filename="../../desktop/main_window.py" line="128" />
      <source>添加文件夹</source>
      <translation>Add folder</translation>
    </message>
    <message>
      <location filename="../../desktop/main_window.py" line="130" />
      <source>粘贴文本</source>
      <translation>Paste text</translation>
    </message>
    <message>
      <location filename="../../desktop/main_window.py" line="132" />
      <source>导出</source>
      <translation>Export</translation>
    </message>
    <message>
      <location filename="../../desktop/main_window.py" line="133" />
      <source>取消</source>
      <translation>Cancel</translation>
    </message>
    <message>
      <location filename="../../desktop/main_window.py" line="134" />
      <source>重新处理</source>
      <translation>Process again</translation>
    </message>
    <message>
      <location filename="../../desktop/main_window.py" line="135" />
      <source>从列表移除</source>
      <translation>Remove from list</translation>
    </message>
    <message>
      <location filename="../../desktop/main_window.py" line="136" />
      <source>清空列表</source>
      <translation>Clear finished</translation>
    </message>
    <message>
      <location filename="../../desktop/main_window.py" line="138" />
      <source>打开输出文件夹</source>
      <translation>Open output folder</translation>
    </message>
    <message>
      <location filename="../../desktop/main_window.py" line="140" />
      <source>选项</source>
      <translation>Options</translation>
    </message>
    <message>
      <location filename="../../desktop/main_window.py" line="144" />
      <source>查看日志</source>
      <translation>View log</translation>
    </message>
    <message>
      <location filename="../../desktop/main_window.py" line="150" />
      <source>工具栏</source>
      <translation>Toolbar</translation>
    </message>
    <message>
      <location filename="../../desktop/main_window.py" line="280" />
      <source>已加入 {n} 个文件</source>
      <translation>{n} file(s) added</translation>
    </message>
    <message>
      <location filename="../../desktop/main_window.py" line="282" />
      <source>，跳过 {n} 个</source>
      <translation>, {n} skipped</translation>
    </message>
    <message>
      <location filename="../../desktop/main_window.py" line="284" />
      <source>，{n} 个已在列表中</source>
      <translation>, {n} already in the list</translation>
    </message>
    <message>
      <location filename="../../desktop/main_window.py" line="295" />
      <source>剪贴板里没有文字。</source>
      <translation>The clipboard holds no text.</translation>
    </message>
    <message>
      <location filename="../../desktop/main_window.py" line="316" />
      <source>所有文件</source>
      <translation>All files</translation>
    </message>
    <message>
      <location filename="../../desktop/main_window.py" line="316" />
      <source>文稿</source>
      <translation>Drafts</translation>
    </message>
    <message>
      <location filename="../../desktop/main_window.py" line="354" />
      <source>正在恢复第 {n} 行……</source>
      <translation>Restoring line {n}…</translation>
    </message>
    <message>
      <location filename="../../desktop/main_window.py" line="377" />
      <source>没有需要导出的文件。</source>
      <translation>Nothing to export.</translation>
    </message>
    <message>
      <location filename="../../desktop/main_window.py" line="387" />
      <source>正在取消……</source>
      <translation>Cancelling…</translation>
    </message>
    <message>
      <location filename="../../desktop/main_window.py" line="439" />
      <source>有 {n} 处审稿修改已不适用，已略过。</source>
      <translation>{n} review edit(s) no longer fit and were skipped.</translation>
    </message>
    <message>
      <location filename="../../desktop/main_window.py" line="454" />
      <source>“{old}”正被其他程序打开（如 Word），已另存为“{new}”。</source>
      <translation>“{old}” is open in another program (such as Word); saved as “{new}” instead.</translation>
    </message>
    <message>
      <location filename="../../desktop/main_window.py" line="487" />
      <source>已取消：完成 {d} 个，取消 {n} 个</source>
      <translation>Cancelled: {d} done, {n} cancelled</translation>
    </message>
    <message>
      <location filename="../../desktop/main_window.py" line="516" />
      <source>把 TXT、HTML、DOCX 文件或文件夹拖到窗口任意位置</source>
      <translation>Drop TXT, HTML or DOCX files or folders anywhere on the window</translation>
    </message>
    <message>
      <location filename="../../desktop/main_window.py" line="518" />
      <source>共 {t} 个：完成 {d}（已导出 {e}），失败 {f}，处理中 {w}</source>
      <translation>{t} files: {d} done ({e} exported), {f} failed, {w} in progress</translation>
    </message>
    <message>
      <location filename="../../desktop/main_window.py" line="551" />
      <source>打开原稿</source>
      <translation>Open the draft</translation>
    </message>
    <message>
      <location filename="../../desktop/main_window.py" line="553" />
      <source>打开输出文件</source>
      <translation>Open the output</translation>
    </message>
    <message>
      <location filename="../../desktop/main_window.py" line="555" />
      <source>复制错误信息</source>
      <translation>Copy the error message</translation>
    </message>
    <message>
      <location filename="../../desktop/main_window.py" line="568" />
      <source>还没有输出文件夹。</source>
      <translation>No output folder yet.</translation>
    </message>
    <message>
      <location filename="../../desktop/main_window.py" line="575" />
      <source>还没有日志。</source>
      <translation>No log yet.</translation>
    </message>
  </context>
  <context>
    <name>Options</name>
    <message>
      <location filename="../../desktop/fontcheck.py" line="18" />
      <source>标题</source>
      <translation>Title</translation>
    </message>
    <message>
      <location filename="../../desktop/fontcheck.py" line="18" />
      <source>正文</source>
      <translation>Body text</translation>
    </message>
    <message>
      <location filename="../../desktop/fontcheck.py" line="18" />
      <source>一级标题</source>
      <translation>Level-1 headings</translation>
    </message>
    <message>
      <location filename="../../desktop/fontcheck.py" line="18" />
      <source>二级标题、署名</source>
      <translation>Level-2 headings, bylines</translation>
    </message>
    <message>
      <location filename="../../desktop/fontcheck.py" line="19" />
      <source>页码</source>
      <translation>Page numbers</translation>
    </message>
    <message>
      <location filename="../../desktop/fontcheck.py" line="19" />
      <source>数字和西文</source>
      <translation>Digits and Latin text</translation>
    </message>
    <message>
      <location filename="../../desktop/options_dialog.py" line="59" />
      <source>用户</source>
      <translation>user</translation>
    </message>
    <message>
      <location filename="../../desktop/options_dialog.py" line="77" />
      <source>选项</source>
      <translation>Options</translation>
    </message>
    <message>
      <location filename="../../desktop/options_dialog.py" line="79" />
      <source>输出</source>
      <translation>Output</translation>
    </message>
    <message>
      <location filename="../../desktop/options_dialog.py" line="80" />
      <source>清理规则</source>
      <translation>Cleanup rules</translation>
    </message>
    <message>
      <location filename="../../desktop/options_dialog.py" line="81" />
      <source>版式与字体</source>
      <translation>Layout and fonts</translation>
    </message>
    <message>
      <location filename="../../desktop/options_dialog.py" line="82" />
      <source>语言</source>
      <translation>Language</translation>
    </message>
    <message>
      <location filename="../../desktop/options_dialog.py" line="95" />
      <source>每个文件旁边的“清稿输出”文件夹</source>
      <translation>A “清稿输出” folder beside each file</translation>
    </message>
    <message>
      <location filename="../../desktop/options_dialog.py" line="96" />
      <source>指定文件夹：</source>
      <translation>This folder:</translation>
    </message>
    <message>
      <location filename="../../desktop/options_dialog.py" line="101" />
      <source>浏览…</source>
      <translation>Browse…</translation>
    </message>
    <message>
      <location filename="../../desktop/options_dialog.py" line="111" />
      <source>输出文件夹</source>
      <translation>Output folder</translation>
    </message>
    <message>
      <location filename="../../desktop/options_dialog.py" line="116" />
      <source>文件名</source>
      <translation>File name</translation>
    </message>
    <message>
      <location filename="../../desktop/options_dialog.py" line="117" />
      <source>可用：{name} 原文件名，{title} 文稿标题，{date} 今天日期</source>
      <translation>Use: {name} the input's name, {title} the document title, {date} today's date</translation>
    </message>
    <message>
      <location filename="../../desktop/options_dialog.py" line="122" />
      <source>加序号，如“通知 (2).docx”</source>
      <translation>Add a number, e.g. “通知 (2).docx”</translation>
    </message>
    <message>
      <location filename="../../desktop/options_dialog.py" line="123" />
      <source>覆盖以前的输出（从不覆盖原稿）</source>
      <translation>Replace an earlier output (never an input)</translation>
    </message>
    <message>
      <location filename="../../desktop/options_dialog.py" line="125" />
      <source>文件名已存在时</source>
      <translation>When the name is taken</translation>
    </message>
    <message>
      <location filename="../../desktop/options_dialog.py" line="131" />
      <source>导出格式</source>
      <translation>Export format</translation>
    </message>
    <message>
      <location filename="../../desktop/options_dialog.py" line="132" />
      <source>清理完成后自动导出</source>
      <translation>Export each file as soon as it is cleaned</translation>
    </message>
    <message>
      <location filename="../../desktop/options_dialog.py" line="135" />
      <source>导出完成后打开输出文件夹</source>
      <translation>Open the output folder when the export is done</translation>
    </message>
    <message>
      <location filename="../../desktop/options_dialog.py" line="138" />
      <source>文稿后附带的其他文稿各存为一个文件（如“通知.docx”“通知-2.docx”）</source>
      <translation>Write each appended document to its own file (e.g. “通知.docx”, “通知-2.docx”)</translation>
    </message>
    <message>
      <location filename="../../desktop/options_dialog.py" line="139" />
      <source>不勾选时，附带的文稿接在同一个文件里，从新的一页开始。</source>
      <translation>Unchecked: appended documents stay in the same file, each starting on a new page.</translation>
    </message>
    <message>
      <location filename="../../desktop/options_dialog.py" line="147" />
      <source>勾选的规则会删除网站添加的内容。取消勾选可保留该类内容。</source>
      <translation>Checked rules remove what websites add. Uncheck a rule to keep that kind of text.</translation>
    </message>
    <message>
      <location filename="../../desktop/options_dialog.py" line="158" />
      <source>规则列表暂不可用。</source>
      <translation>The rule list is not available.</translation>
    </message>
    <message>
      <location filename="../../desktop/options_dialog.py" line="172" />
      <source>打开用户样式文件夹</source>
      <translation>Open the user profiles folder</translation>
    </message>
    <message>
      <location filename="../../desktop/options_dialog.py" line="177" />
      <source>样式</source>
      <translation>Style profile</translation>
    </message>
    <message>
      <location filename="../../desktop/options_dialog.py" line="179" />
      <source>字体检查：本机缺少的公文字体，以及将用来代替的字体</source>
      <translation>Font check: official fonts this PC lacks, and what shows instead</translation>
    </message>
    <message>
      <location filename="../../desktop/options_dialog.py" line="181" />
      <source>用途</source>
      <translation>Used for</translation>
    </message>
    <message>
      <location filename="../../desktop/options_dialog.py" line="181" />
      <source>公文字体</source>
      <translation>Official font</translation>
    </message>
    <message>
      <location filename="../../desktop/options_dialog.py" line="181" />
      <source>本机情况</source>
      <translation>On this PC</translation>
    </message>
    <message>
      <location filename="../../desktop/options_dialog.py" line="196" />
      <source>跟随系统</source>
      <translation>Same as the system</translation>
    </message>
    <message>
      <location filename="../../desktop/options_dialog.py" line="200" />
      <source>界面语言</source>
      <translation>Interface language</translation>
    </message>
    <message>
      <location filename="../../desktop/options_dialog.py" line="201" />
      <source>重新启动后生效。</source>
      <translation>Takes effect after a restart.</translation>
    </message>
    <message>
      <location filename="../../desktop/options_dialog.py" line="206" />
      <source>选择输出文件夹</source>
      <translation>Choose the output folder</translation>
    </message>
    <message>
      <location filename="../../desktop/options_dialog.py" line="213" />
      <source>示例：</source>
      <translation>Example: </translation>
    </message>
    <message>
      <location filename="../../desktop/options_dialog.py" line="225" />
      <source>已安装</source>
      <translation>Installed</translation>
    </message>
    <message>
      <location filename="../../desktop/options_dialog.py" line="225" />
      <source>缺少，显示为：</source>
      <translation>Missing, shown as: </translation>
    </message>
    <message>
      <location filename="../../desktop/options_dialog.py" line="225" />
      <source>系统默认字体</source>
      <translation>the system default font</translation>
    </message>
    <message>
      <location filename="../../desktop/options_dialog.py" line="234" />
      <source>本机缺少 {n} 种公文字体。导出的 DOCX 仍写入公文字体名，在装有这些字体的电脑上会正确显示。</source>
      <translation>This PC lacks {n} official font(s). The DOCX still names the official fonts, so it shows right on a PC that has them.</translation>
    </message>
    <message>
      <location filename="../../desktop/options_dialog.py" line="235" />
      <source>公文字体齐全。</source>
      <translation>All official fonts are installed.</translation>
    </message>
  </context>
  <context>
    <name>Review</name>
    <message>
      <location filename="../../desktop/draft_view.py" line="23" />
      <source>与下一行合并</source>
      <translation>Joined with the next line</translation>
    </message>
    <message>
      <location filename="../../desktop/draft_view.py" line="24" />
      <source>拆分</source>
      <translation>Split</translation>
    </message>
    <message>
      <location filename="../../desktop/draft_view.py" line="25" />
      <source>重新编号</source>
      <translation>Renumbered</translation>
    </message>
    <message>
      <location filename="../../desktop/draft_view.py" line="26" />
      <source>审稿修改</source>
      <translation>Edited in review</translation>
    </message>
    <message>
      <location filename="../../desktop/draft_view.py" line="28" />
      <source>审稿删除</source>
      <translation>dropped in review</translation>
    </message>
    <message>
      <location filename="../../desktop/draft_view.py" line="128" />
      <source>删除规则</source>
      <translation>Removed by rule</translation>
    </message>
    <message>
      <location filename="../../desktop/page_view.py" line="203" />
      <source>—— 以下为另一份文件 ——</source>
      <translation>—— another document follows ——</translation>
    </message>
    <message>
      <location filename="../../desktop/review.py" line="31" />
      <source>标题</source>
      <translation>Title</translation>
    </message>
    <message>
      <location filename="../../desktop/review.py" line="31" />
      <source>副标题</source>
      <translation>Subtitle</translation>
    </message>
    <message>
      <location filename="../../desktop/review.py" line="31" />
      <source>署名</source>
      <translation>Byline</translation>
    </message>
    <message>
      <location filename="../../desktop/review.py" line="31" />
      <source>称谓</source>
      <translation>Salutation</translation>
    </message>
    <message>
      <location filename="../../desktop/review.py" line="32" />
      <source>层次标题</source>
      <translation>Heading</translation>
    </message>
    <message>
      <location filename="../../desktop/review.py" line="32" />
      <source>正文</source>
      <translation>Body text</translation>
    </message>
    <message>
      <location filename="../../desktop/review.py" line="32" />
      <source>落款</source>
      <translation>Signature</translation>
    </message>
    <message>
      <location filename="../../desktop/review.py" line="32" />
      <source>成文日期</source>
      <translation>Date</translation>
    </message>
    <message>
      <location filename="../../desktop/review.py" line="33" />
      <source>分文</source>
      <translation>Document break</translation>
    </message>
    <message>
      <location filename="../../desktop/review.py" line="55" />
      <source>段落类型</source>
      <translation>Block kind</translation>
    </message>
    <message>
      <location filename="../../desktop/review.py" line="58" />
      <source>层级 </source>
      <translation>Level </translation>
    </message>
    <message>
      <location filename="../../desktop/review.py" line="59" />
      <source>标题层级：1 一、 2 （一） 3 1. 4 （1）</source>
      <translation>Heading level: 1 一、 2 （一） 3 1. 4 （1）</translation>
    </message>
    <message>
      <location filename="../../desktop/review.py" line="60" />
      <source>显示修改标记</source>
      <translation>Show change marks</translation>
    </message>
    <message>
      <location filename="../../desktop/review.py" line="90" />
      <source>合并下段</source>
      <translation>Merge with next</translation>
    </message>
    <message>
      <location filename="../../desktop/review.py" line="90" />
      <source>与下一段合并</source>
      <translation>Merge with the next paragraph</translation>
    </message>
    <message>
      <location filename="../../desktop/review.py" line="91" />
      <source>在光标处拆分</source>
      <translation>Split at cursor</translation>
    </message>
    <message>
      <location filename="../../desktop/review.py" line="92" />
      <source>删除此段</source>
      <translation>Drop paragraph</translation>
    </message>
    <message>
      <location filename="../../desktop/review.py" line="93" />
      <source>恢复此行</source>
      <translation>Restore line</translation>
    </message>
    <message>
      <location filename="../../desktop/review.py" line="93" />
      <source>把左侧选中的已删除行恢复到结果中</source>
      <translation>Put the removed line selected on the left back into the result</translation>
    </message>
    <message>
      <location filename="../../desktop/review.py" line="94" />
      <source>撤销修改</source>
      <translation>Undo edit</translation>
    </message>
    <message>
      <location filename="../../desktop/review.py" line="95" />
      <source>设为正文</source>
      <translation>Make body text</translation>
    </message>
    <message>
      <location filename="../../desktop/review.py" line="96" />
      <source>设为标题</source>
      <translation>Make title</translation>
    </message>
    <message>
      <location filename="../../desktop/review.py" line="98" />
      <source>设为{n}级标题</source>
      <translation>Make level-{n} heading</translation>
    </message>
    <message>
      <location filename="../../desktop/review.py" line="103" />
      <source>类型</source>
      <translation>Type</translation>
    </message>
    <message>
      <location filename="../../desktop/review.py" line="118" />
      <source>原稿（删除的行带删除线，标签是删除它的规则）</source>
      <translation>Draft (removed lines struck through, tagged with the rule that removed them)</translation>
    </message>
    <message>
      <location filename="../../desktop/review.py" line="123" />
      <source>清稿结果（按公文版式近似显示）</source>
      <translation>Result (approximately as the official page)</translation>
    </message>
    <message>
      <location filename="../../desktop/review.py" line="173" />
      <source>把 TXT、HTML、DOCX 文件或文件夹拖到窗口任意位置，或点“添加文件”。</source>
      <translation>Drop TXT, HTML or DOCX files or folders anywhere on the window, or click “Add files”.</translation>
    </message>
    <message>
      <location filename="../../desktop/review.py" line="177" />
      <source>已取消。选中后按“重新处理”再试。</source>
      <translation>Cancelled. Select it and press “Process again” to retry.</translation>
    </message>
    <message>
      <location filename="../../desktop/review.py" line="178" />
      <source>正在清理……</source>
      <translation>Cleaning…</translation>
    </message>
    <message>
      <location filename="../../desktop/review.py" line="187" />
      <source>去除 {n} 行</source>
      <translation>{n} lines removed</translation>
    </message>
    <message>
      <location filename="../../desktop/review.py" line="187" />
      <source>合并 {n} 处</source>
      <translation>{n} joins</translation>
    </message>
    <message>
      <location filename="../../desktop/review.py" line="188" />
      <source>拆分 {n} 处</source>
      <translation>{n} splits</translation>
    </message>
    <message>
      <location filename="../../desktop/review.py" line="188" />
      <source>重新编号 {n} 处</source>
      <translation>{n} renumbered</translation>
    </message>
    <message>
      <location filename="../../desktop/review.py" line="190" />
      <source>审稿修改 {n} 处</source>
      <translation>{n} review edits</translation>
    </message>
    <message>
      <location filename="../../desktop/review.py" line="192" />
      <source>提示：</source>
      <translation>Warnings: </translation>
    </message>
    <message>
      <location filename="../../desktop/review.py" line="256" />
      <source>先在右侧结果中点选一段。</source>
      <translation>Click a paragraph in the result on the right first.</translation>
    </message>
    <message>
      <location filename="../../desktop/review.py" line="261" />
      <source>无法修改：</source>
      <translation>Cannot edit: </translation>
    </message>
    <message>
      <location filename="../../desktop/review.py" line="277" />
      <source>先在左侧原稿中点选一条带删除线的行。</source>
      <translation>Click a struck-through line in the draft on the left first.</translation>
    </message>
  </context>
</TS>
