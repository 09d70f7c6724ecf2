<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="zh_CN">
  <context>
    <name>FindReplace</name>
    <message>
      <location filename="../../desktop/find_replace.py" line="28" />
      <source>查找内容</source>
      <translation>Find what</translation>
    </message>
    <message>
      <location filename="../../desktop/find_replace.py" line="31" />
      <source>替换为</source>
      <translation>Replace with</translation>
    </message>
    <message>
      <location filename="../../desktop/find_replace.py" line="33" />
      <source>上一个</source>
      <translation>Previous</translation>
    </message>
    <message>
      <location filename="../../desktop/find_replace.py" line="34" />
      <source>下一个</source>
      <translation>Next</translation>
    </message>
    <message>
      <location filename="../../desktop/find_replace.py" line="35" />
      <source>替换</source>
      <translation>Replace</translation>
    </message>
    <message>
      <location filename="../../desktop/find_replace.py" line="36" />
      <source>全部替换</source>
      <translation>Replace all</translation>
    </message>
    <message>
      <location filename="../../desktop/find_replace.py" line="39" />
      <source>关闭查找（Esc）</source>
      <translation>Close find (Esc)</translation>
    </message>
    <message>
      <location filename="../../desktop/find_replace.py" line="44" />
      <source>查找</source>
      <translation>Find</translation>
    </message>
    <message>
      <location filename="../../desktop/find_replace.py" line="85" />
      <source>共 {n} 处</source>
      <translation>{n} found</translation>
    </message>
    <message>
      <location filename="../../desktop/find_replace.py" line="99" />
      <source>没有找到“{t}”。</source>
      <translation>“{t}” not found.</translation>
    </message>
  </context>
  <context>
    <name>Help</name>
    <message>
      <location filename="../../desktop/help.py" line="32" />
      <source>帮助</source>
      <translation>Help</translation>
    </message>
    <message>
      <location filename="../../desktop/help.py" line="33" />
      <source>使用说明</source>
      <translation>User guide</translation>
    </message>
    <message>
      <location filename="../../desktop/help.py" line="37" />
      <source>快捷键</source>
      <translation>Keyboard shortcuts</translation>
    </message>
    <message>
      <location filename="../../desktop/help.py" line="38" />
      <source>日志和设置在哪里</source>
      <translation>Where the log and settings are</translation>
    </message>
    <message>
      <location filename="../../desktop/help.py" line="40" />
      <source>关于清稿</source>
      <translation>About QingGao</translation>
    </message>
    <message>
      <location filename="../../desktop/help.py" line="71" />
      <source>找不到使用说明。</source>
      <translation>The user guide is missing.</translation>
    </message>
    <message>
      <location filename="../../desktop/help.py" line="92" />
      <source>操作</source>
      <translation>Action</translation>
    </message>
    <message>
      <location filename="../../desktop/help.py" line="92" />
      <source>按键</source>
      <translation>Keys</translation>
    </message>
    <message>
      <location filename="../../desktop/help.py" line="108" />
      <source>日志文件</source>
      <translation>Log file</translation>
    </message>
    <message>
      <location filename="../../desktop/help.py" line="108" />
      <source>设置文件</source>
      <translation>Settings file</translation>
    </message>
    <message>
      <location filename="../../desktop/help.py" line="109" />
      <source>程序数据文件夹（粘贴的文稿、用户样式、上次的列表）</source>
      <translation>App data folder (pasted drafts, user styles, the last queue)</translation>
    </message>
    <message>
      <location filename="../../desktop/help.py" line="115" />
      <source>打开</source>
      <translation>Open</translation>
    </message>
    <message>
      <location filename="../../desktop/help.py" line="124" />
      <source>清稿 {v}
把网上下载的文稿清理干净，按 GB/T 9704-2012 排成公文格式。
界面库 Qt {qt}</source>
      <translation>QingGao {v}
Cleans drafts downloaded from the web and lays them out as official documents (GB/T 9704-2012).
Built with Qt {qt}</translation>
    </message>
  </context>
  <context>
    <name>InfoPanel</name>
    <message>
      <location filename="../../desktop/info_panel.py" line="34" />
      <source>份号</source>
      <translation>Copy number</translation>
    </message>
    <message>
      <location filename="../../desktop/info_panel.py" line="35" />
      <source>密级和保密期限</source>
      <translation>Classification and period</translation>
    </message>
    <message>
      <location filename="../../desktop/info_panel.py" line="36" />
      <source>紧急程度</source>
      <translation>Urgency</translation>
    </message>
    <message>
      <location filename="../../desktop/info_panel.py" line="37" />
      <source>发文机关标志</source>
      <translation>Issuing authority mark</translation>
    </message>
    <message>
      <location filename="../../desktop/info_panel.py" line="38" />
      <source>发文字号</source>
      <translation>Document number</translation>
    </message>
    <message>
      <location filename="../../desktop/info_panel.py" line="39" />
      <source>签发人（上行文）</source>
      <translation>Signed by (upward document)</translation>
    </message>
    <message>
      <location filename="../../desktop/info_panel.py" line="40" />
      <source>主送机关</source>
      <translation>Addressee</translation>
    </message>
    <message>
      <location filename="../../desktop/info_panel.py" line="41" />
      <source>抄送机关</source>
      <translation>Copied to</translation>
    </message>
    <message>
      <location filename="../../desktop/info_panel.py" line="42" />
      <source>印发机关</source>
      <translation>Printed by</translation>
    </message>
    <message>
      <location filename="../../desktop/info_panel.py" line="43" />
      <source>印发日期</source>
      <translation>Print date</translation>
    </message>
    <message>
      <location filename="../../desktop/info_panel.py" line="74" />
      <source>公文信息</source>
      <translation>Document info</translation>
    </message>
    <message>
      <location filename="../../desktop/info_panel.py" line="91" />
      <source>文种模板</source>
      <translation>Document type template</translation>
    </message>
    <message>
      <location filename="../../desktop/info_panel.py" line="92" />
      <source>记住标志、印发机关和抄送为本单位默认值</source>
      <translation>Remember the mark, printer and copy list as my office's defaults</translation>
    </message>
    <message>
      <location filename="../../desktop/info_panel.py" line="94" />
      <source>留空的项不排印。</source>
      <translation>Fields left empty are not printed.</translation>
    </message>
    <message>
      <location filename="../../desktop/info_panel.py" line="140" />
      <source>公文信息：版头、主送、版记（Ctrl+I）</source>
      <translation>Document info: header, addressee, imprint (Ctrl+I)</translation>
    </message>
    <message>
      <location filename="../../desktop/info_panel.py" line="161" />
      <source>请先选中一个已清理的文稿。</source>
      <translation>Select a cleaned draft first.</translation>
    </message>
  </context>
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
      <source>繁体转简体</source>
      <translation>Traditional to Simplified</translation>
    </message>
    <message>
      <location filename="../../desktop/jobs.py" line="29" />
      <source>删除网页杂项</source>
      <translation>removing web page clutter</translation>
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
      <source>原文缺失</source>
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
      <location filename="../../desktop/jobs.py" line="56" />
      <source>格式提示</source>
      <translation>Format note</translation>
    </message>
    <message>
      <location filename="../../desktop/jobs.py" line="68" />
      <source>把 {formats} 文件或文件夹拖到窗口任意位置</source>
      <translation>Drop {formats} files or folders anywhere on the window</translation>
    </message>
    <message>
      <location filename="../../desktop/jobs.py" line="118" />
      <source>已修改，待重新导出</source>
      <translation>Edited, export again</translation>
    </message>
    <message>
      <location filename="../../desktop/jobs.py" line="131" />
      <source>其他提示</source>
      <translation>Other note</translation>
    </message>
    <message>
      <location filename="../../desktop/jobs.py" line="151" />
      <source>此处原文缺失{n}，需找到全文补齐</source>
      <translation>Text missing here {n}; find the full text to complete it</translation>
    </message>
    <message>
      <location filename="../../desktop/jobs.py" line="155" />
      <source>模板占位符“{p}”待填写</source>
      <translation>Template placeholder “{p}” to fill in</translation>
    </message>
    <message>
      <location filename="../../desktop/jobs.py" line="176" />
      <source>文件</source>
      <translation>File</translation>
    </message>
    <message>
      <location filename="../../desktop/jobs.py" line="176" />
      <source>类型</source>
      <translation>Type</translation>
    </message>
    <message>
      <location filename="../../desktop/jobs.py" line="176" />
      <source>编码</source>
      <translation>Encoding</translation>
    </message>
    <message>
      <location filename="../../desktop/jobs.py" line="176" />
      <source>状态</source>
      <translation>Status</translation>
    </message>
    <message>
      <location filename="../../desktop/jobs.py" line="176" />
      <source>删除杂项</source>
      <translation>Clutter removed</translation>
    </message>
    <message>
      <location filename="../../desktop/jobs.py" line="176" />
      <source>提示</source>
      <translation>Warnings</translation>
    </message>
    <message>
      <location filename="../../desktop/jobs.py" line="176" />
      <source>输出</source>
      <translation>Output</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <location filename="../../desktop/keep_work.py" line="73" />
      <source>已恢复上次的 {n} 个文件和其中的修改。</source>
      <translation>Restored the last {n} file(s) with their edits.</translation>
    </message>
    <message>
      <location filename="../../desktop/main_window.py" line="109" />
      <source>清稿 — 文稿清理与公文排版</source>
      <translation>QingGao — clean drafts, lay out official documents</translation>
    </message>
    <message>
      <location filename="../../desktop/main_window.py" line="166" />
      <source>添加文件</source>
      <translation>Add files</translation>
    </message>
    <message>
      <location filename="../../desktop/main_window.py" line="168" />
      <source>添加文件夹</source>
      <translation>Add folder</translation>
    </message>
    <message>
      <location filename="../../desktop/main_window.py" line="170" />
      <source>粘贴文本</source>
      <translation>Paste text</translation>
    </message>
    <message>
      <location filename="../../desktop/main_window.py" line="174" />
      <source>导出</source>
      <translation>Export</translation>
    </message>
    <message>
      <location filename="../../desktop/main_window.py" line="175" />
      <source>取消</source>
      <translation>Cancel</translation>
    </message>
    <message>
      <location filename="../../desktop/main_window.py" line="176" />
      <source>重新处理</source>
      <translation>Process again</translation>
    </message>
    <message>
      <location filename="../../desktop/main_window.py" line="177" />
      <source>从列表移除</source>
      <translation>Remove from list</translation>
    </message>
    <message>
      <location filename="../../desktop/main_window.py" line="178" />
      <source>清空列表</source>
      <translation>Clear finished</translation>
    </message>
    <message>
      <location filename="../../desktop/main_window.py" line="180" />
      <source>打开输出文件夹</source>
      <translation>Open output folder</translation>
    </message>
    <message>
      <location filename="../../desktop/main_window.py" line="182" />
      <source>选项</source>
      <translation>Options</translation>
    </message>
    <message>
      <location filename="../../desktop/main_window.py" line="186" />
      <source>查看日志</source>
      <translation>View log</translation>
    </message>
    <message>
      <location filename="../../desktop/main_window.py" line="193" />
      <source>工具栏</source>
      <translation>Toolbar</translation>
    </message>
    <message>
      <location filename="../../desktop/main_window.py" line="202" />
      <source>帮助</source>
      <translation>Help</translation>
    </message>
    <message>
      <location filename="../../desktop/main_window.py" line="367" />
      <source>已加入 {n} 个文件</source>
      <translation>{n} file(s) added</translation>
    </message>
    <message>
      <location filename="../../desktop/main_window.py" line="369" />
      <source>，跳过 {n} 个</source>
      <translation>, {n} skipped</translation>
    </message>
    <message>
      <location filename="../../desktop/main_window.py" line="371" />
      <source>，{n} 个已在列表中</source>
      <translation>, {n} already in the list</translation>
    </message>
    <message>
      <location filename="../../desktop/main_window.py" line="382" />
      <source>剪贴板里没有文字。</source>
      <translation>The clipboard holds no text.</translation>
    </message>
    <message>
      <location filename="../../desktop/main_window.py" line="413" />
      <source>所有文件</source>
      <translation>All files</translation>
    </message>
    <message>
      <location filename="../../desktop/main_window.py" line="413" />
      <source>文稿</source>
      <translation>Drafts</translation>
    </message>
    <message>
      <location filename="../../desktop/main_window.py" line="462" />
      <source>正在恢复 {n} 行……</source>
      <translation>Restoring {n} line(s)…</translation>
    </message>
    <message>
      <location filename="../../desktop/main_window.py" line="483" />
      <source>已在 {n} 个文件中把“{p}”填为“{t}”。</source>
      <translation>Filled “{p}” with “{t}” in {n} file(s).</translation>
    </message>
    <message>
      <location filename="../../desktop/main_window.py" line="512" />
      <source>没有需要导出的文件。</source>
      <translation>Nothing to export.</translation>
    </message>
    <message>
      <location filename="../../desktop/main_window.py" line="524" />
      <source>已跳过 {n} 个已有输出的文件。</source>
      <translation>Skipped {n} file(s) whose output exists.</translation>
    </message>
    <message>
      <location filename="../../desktop/main_window.py" line="546" />
      <source>正在取消……</source>
      <translation>Cancelling…</translation>
    </message>
    <message>
      <location filename="../../desktop/main_window.py" line="622" />
      <source>{n} 处修改因原文已变而未保留：</source>
      <translation>{n} edit(s) not kept because the text changed: </translation>
    </message>
    <message>
      <location filename="../../desktop/main_window.py" line="640" />
      <source>“{old}”正被其他程序打开（如 Word），已另存为“{new}”。</source>
      <translation>“{old}” is open in another program (such as Word); saved as “{new}” instead.</translation>
    </message>
    <message>
      <location filename="../../desktop/main_window.py" line="674" />
      <source>已取消：完成 {d} 个，取消 {n} 个</source>
      <translation>Cancelled: {d} done, {n} cancelled</translation>
    </message>
    <message>
      <location filename="../../desktop/main_window.py" line="707" />
      <source>共 {t} 个：完成 {d}（已导出 {e}），失败 {f}，处理中 {w}</source>
      <translation>{t} files: {d} done ({e} exported), {f} failed, {w} in progress</translation>
    </message>
    <message>
      <location filename="../../desktop/main_window.py" line="741" />
      <source>打开原稿</source>
      <translation>Open the draft</translation>
    </message>
    <message>
      <location filename="../../desktop/main_window.py" line="743" />
      <source>打开输出文件</source>
      <translation>Open the output</translation>
    </message>
    <message>
      <location filename="../../desktop/main_window.py" line="745" />
      <source>复制错误信息</source>
      <translation>Copy the error message</translation>
    </message>
    <message>
      <location filename="../../desktop/main_window.py" line="759" />
      <source>还没有输出文件夹。</source>
      <translation>No output folder yet.</translation>
    </message>
    <message>
      <location filename="../../desktop/main_window.py" line="766" />
      <source>还没有日志。</source>
      <translation>No log yet.</translation>
    </message>
    <message>
      <location filename="../../desktop/prompts.py" line="14" />
      <source>清稿</source>
      <translation>QingGao</translation>
    </message>
    <message>
      <location filename="../../desktop/prompts.py" line="15" />
      <source>有 {n} 个文件清理或修改后还没有导出。关闭前要导出吗？</source>
      <translation>{n} file(s) were cleaned or edited but not exported. Export them before closing?</translation>
    </message>
    <message>
      <location filename="../../desktop/prompts.py" line="17" />
      <source>不导出也不会丢失：下次打开时，列表和修改都会恢复。</source>
      <translation>Nothing is lost if you do not: the queue and your edits come back next time.</translation>
    </message>
    <message>
      <location filename="../../desktop/prompts.py" line="19" />
      <source>不导出</source>
      <translation>Don't export</translation>
    </message>
    <message>
      <location filename="../../desktop/prompts.py" line="30" />
      <source>输出文件已存在</source>
      <translation>Output file exists</translation>
    </message>
    <message>
      <location filename="../../desktop/prompts.py" line="31" />
      <source>{n} 个文件的输出已经存在（{names}），可能是以前导出的。要怎么办？</source>
      <translation>The output of {n} file(s) exists already ({names}), perhaps from an earlier export. What should happen?</translation>
    </message>
    <message>
      <location filename="../../desktop/prompts.py" line="33" />
      <source>原稿永远不会被覆盖。可以在“选项”里设定以后不再询问。</source>
      <translation>An original draft is never overwritten. You can choose in Options not to be asked again.</translation>
    </message>
    <message>
      <location filename="../../desktop/prompts.py" line="34" />
      <source>替换</source>
      <translation>Replace</translation>
    </message>
    <message>
      <location filename="../../desktop/prompts.py" line="35" />
      <source>另存为新文件（加序号）</source>
      <translation>Save as a new file (numbered)</translation>
    </message>
    <message>
      <location filename="../../desktop/prompts.py" line="36" />
      <source>跳过这些文件</source>
      <translation>Skip these files</translation>
    </message>
    <message>
      <location filename="../../desktop/prompts.py" line="46" />
      <source>清理规则已更改</source>
      <translation>Cleanup rules changed</translation>
    </message>
    <message>
      <location filename="../../desktop/prompts.py" line="47" />
      <source>要按新的规则重新清理列表中的 {n} 个文件吗？
已做的审稿修改会尽量保留，不能保留的会告诉你。</source>
      <translation>Clean the {n} file(s) in the queue again with the new rules?
Your review edits are kept where possible; you are told about any that cannot be.</translation>
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
      <location filename="../../desktop/options_dialog.py" line="61" />
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
      <location filename="../../desktop/options_dialog.py" line="96" />
      <source>每个文件旁边的“清稿输出”文件夹</source>
      <translation>A “清稿输出” folder beside each file</translation>
    </message>
    <message>
      <location filename="../../desktop/options_dialog.py" line="97" />
      <source>指定文件夹：</source>
      <translation>This folder:</translation>
    </message>
    <message>
      <location filename="../../desktop/options_dialog.py" line="102" />
      <source>浏览…</source>
      <translation>Browse…</translation>
    </message>
    <message>
      <location filename="../../desktop/options_dialog.py" line="112" />
      <source>输出文件夹</source>
      <translation>Output folder</translation>
    </message>
    <message>
      <location filename="../../desktop/options_dialog.py" line="117" />
      <source>文件名</source>
      <translation>File name</translation>
    </message>
    <message>
      <location filename="../../desktop/options_dialog.py" line="119" />
      <source>可用：{a} 原文件名，{b} 文稿标题，{c} 今天日期</source>
      <translation>Available: {a} input name, {b} document title, {c} today’s date</translation>
    </message>
    <message>
      <location filename="../../desktop/options_dialog.py" line="125" />
      <source>每次询问</source>
      <translation>Ask each time</translation>
    </message>
    <message>
      <location filename="../../desktop/options_dialog.py" line="126" />
      <source>加序号，如“通知 (2).docx”</source>
      <translation>Add a number, e.g. “通知 (2).docx”</translation>
    </message>
    <message>
      <location filename="../../desktop/options_dialog.py" line="127" />
      <source>覆盖以前的输出（从不覆盖原稿）</source>
      <translation>Replace an earlier output (never an input)</translation>
    </message>
    <message>
      <location filename="../../desktop/options_dialog.py" line="129" />
      <source>文件名已存在时</source>
      <translation>When the name is taken</translation>
    </message>
    <message>
      <location filename="../../desktop/options_dialog.py" line="135" />
      <source>导出格式</source>
      <translation>Export format</translation>
    </message>
    <message>
      <location filename="../../desktop/options_dialog.py" line="136" />
      <source>清理完成后自动导出</source>
      <translation>Export each file as soon as it is cleaned</translation>
    </message>
    <message>
      <location filename="../../desktop/options_dialog.py" line="139" />
      <source>导出完成后打开输出文件夹</source>
      <translation>Open the output folder when the export is done</translation>
    </message>
    <message>
      <location filename="../../desktop/options_dialog.py" line="142" />
      <source>文稿后附带的其他文稿各存为一个文件（如“通知.docx”“通知-2.docx”）</source>
      <translation>Write each appended document to its own file (e.g. “通知.docx”, “通知-2.docx”)</translation>
    </message>
    <message>
      <location filename="../../desktop/options_dialog.py" line="143" />
      <source>不勾选时，附带的文稿接在同一个文件里，从新的一页开始。</source>
      <translation>Unchecked: appended documents stay in the same file, each starting on a new page.</translation>
    </message>
    <message>
      <location filename="../../desktop/options_dialog.py" line="155" />
      <source>把繁体字转换为简体字（默认关闭）</source>
      <translation>Convert Traditional characters to Simplified (off by default)</translation>
    </message>
    <message>
      <location filename="../../desktop/options_dialog.py" line="156" />
      <source>从繁体网站复制的文稿转为简体，每处转换都记录在审阅中；已是简体的文稿不变。</source>
      <translation>Drafts copied from Traditional-character sites become Simplified; every conversion is listed in the review. A Simplified draft is left as it is.</translation>
    </message>
    <message>
      <location filename="../../desktop/options_dialog.py" line="171" />
      <source>打开用户样式文件夹</source>
      <translation>Open the user profiles folder</translation>
    </message>
    <message>
      <location filename="../../desktop/options_dialog.py" line="176" />
      <source>样式</source>
      <translation>Style profile</translation>
    </message>
    <message>
      <location filename="../../desktop/options_dialog.py" line="178" />
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
    <message>
      <location filename="../../desktop/rules_list.py" line="35" />
      <source>搜索规则，如“导航”“页码”“下载”</source>
      <translation>Search rules, e.g. “navigation”, “page number”, “download”</translation>
    </message>
    <message>
      <location filename="../../desktop/rules_list.py" line="39" />
      <source>规则</source>
      <translation>Rule</translation>
    </message>
    <message>
      <location filename="../../desktop/rules_list.py" line="39" />
      <source>删除什么</source>
      <translation>What it removes</translation>
    </message>
    <message>
      <location filename="../../desktop/rules_list.py" line="44" />
      <source>勾选的规则会删除网站添加的内容。取消勾选可保留该类内容。</source>
      <translation>Checked rules remove what websites add. Uncheck a rule to keep that kind of text.</translation>
    </message>
    <message>
      <location filename="../../desktop/rules_list.py" line="50" />
      <source>规则列表暂不可用。</source>
      <translation>The rule list is not available.</translation>
    </message>
  </context>
  <context>
    <name>Placeholders</name>
    <message>
      <location filename="../../desktop/placeholders.py" line="73" />
      <source>要替换的占位符；可以带上前后的字，只替换这种写法</source>
      <translation>The placeholder to replace; add the words around it to replace only that form</translation>
    </message>
    <message>
      <location filename="../../desktop/placeholders.py" line="75" />
      <source>如单位名称、日期</source>
      <translation>e.g. an office name, a date</translation>
    </message>
    <message>
      <location filename="../../desktop/placeholders.py" line="76" />
      <source>填入此处</source>
      <translation>Fill here</translation>
    </message>
    <message>
      <location filename="../../desktop/placeholders.py" line="77" />
      <source>本文全部</source>
      <translation>Whole document</translation>
    </message>
    <message>
      <location filename="../../desktop/placeholders.py" line="78" />
      <source>所有文件</source>
      <translation>All files</translation>
    </message>
    <message>
      <location filename="../../desktop/placeholders.py" line="79" />
      <source>只填列表中选中的这一处</source>
      <translation>Fill only the occurrence selected in the list</translation>
    </message>
    <message>
      <location filename="../../desktop/placeholders.py" line="80" />
      <source>本文中所有相同的占位符都填入</source>
      <translation>Fill every same placeholder in this document</translation>
    </message>
    <message>
      <location filename="../../desktop/placeholders.py" line="81" />
      <source>列表中所有已清理文件里相同的占位符都填入</source>
      <translation>Fill every same placeholder in all cleaned files of the queue</translation>
    </message>
    <message>
      <location filename="../../desktop/placeholders.py" line="86" />
      <source>占位符</source>
      <translation>Placeholder</translation>
    </message>
    <message>
      <location filename="../../desktop/placeholders.py" line="87" />
      <source>填写为</source>
      <translation>Fill with</translation>
    </message>
    <message>
      <location filename="../../desktop/placeholders.py" line="114" />
      <source>本文有 {n} 处占位符待填写</source>
      <translation>{n} placeholder(s) to fill in this document</translation>
    </message>
    <message>
      <location filename="../../desktop/placeholders.py" line="115" />
      <source>本文没有待填写的占位符</source>
      <translation>No placeholders left to fill</translation>
    </message>
  </context>
  <context>
    <name>Review</name>
    <message>
      <location filename="../../desktop/draft_view.py" line="24" />
      <source>与下一行合并</source>
      <translation>Joined with the next line</translation>
    </message>
    <message>
      <location filename="../../desktop/draft_view.py" line="25" />
      <source>拆分</source>
      <translation>Split</translation>
    </message>
    <message>
      <location filename="../../desktop/draft_view.py" line="26" />
      <source>重新编号</source>
      <translation>Renumbered</translation>
    </message>
    <message>
      <location filename="../../desktop/draft_view.py" line="27" />
      <source>审稿修改</source>
      <translation>Edited in review</translation>
    </message>
    <message>
      <location filename="../../desktop/draft_view.py" line="28" />
      <source>繁体字已转为简体字</source>
      <translation>Traditional characters made Simplified</translation>
    </message>
    <message>
      <location filename="../../desktop/draft_view.py" line="133" />
      <source>删除原因</source>
      <translation>Removed because</translation>
    </message>
    <message>
      <location filename="../../desktop/page_view.py" line="261" />
      <source>—— 以下为另一份文件 ——</source>
      <translation>—— another document follows ——</translation>
    </message>
    <message>
      <location filename="../../desktop/review.py" line="38" />
      <source>标题</source>
      <translation>Title</translation>
    </message>
    <message>
      <location filename="../../desktop/review.py" line="38" />
      <source>副标题</source>
      <translation>Subtitle</translation>
    </message>
    <message>
      <location filename="../../desktop/review.py" line="38" />
      <source>署名</source>
      <translation>Byline</translation>
    </message>
    <message>
      <location filename="../../desktop/review.py" line="38" />
      <source>称谓</source>
      <translation>Salutation</translation>
    </message>
    <message>
      <location filename="../../desktop/review.py" line="39" />
      <source>层次标题</source>
      <translation>Heading</translation>
    </message>
    <message>
      <location filename="../../desktop/review.py" line="39" />
      <source>正文</source>
      <translation>Body text</translation>
    </message>
    <message>
      <location filename="../../desktop/review.py" line="39" />
      <source>落款</source>
      <translation>Signature</translation>
    </message>
    <message>
      <location filename="../../desktop/review.py" line="39" />
      <source>成文日期</source>
      <translation>Date</translation>
    </message>
    <message>
      <location filename="../../desktop/review.py" line="40" />
      <source>另一份文件</source>
      <translation>Another document</translation>
    </message>
    <message>
      <location filename="../../desktop/review.py" line="66" />
      <source>段落类型</source>
      <translation>Block kind</translation>
    </message>
    <message>
      <location filename="../../desktop/review.py" line="69" />
      <source>层级 </source>
      <translation>Level </translation>
    </message>
    <message>
      <location filename="../../desktop/review.py" line="70" />
      <source>标题层级：1 一、 2 （一） 3 1. 4 （1）</source>
      <translation>Heading level: 1 一、 2 （一） 3 1. 4 （1）</translation>
    </message>
    <message>
      <location filename="../../desktop/review.py" line="71" />
      <source>显示修改标记</source>
      <translation>Show change marks</translation>
    </message>
    <message>
      <location filename="../../desktop/review.py" line="96" />
      <source>合并下段</source>
      <translation>Merge with next</translation>
    </message>
    <message>
      <location filename="../../desktop/review.py" line="96" />
      <source>与下一段合并</source>
      <translation>Merge with the next paragraph</translation>
    </message>
    <message>
      <location filename="../../desktop/review.py" line="97" />
      <source>在光标处拆分</source>
      <translation>Split at cursor</translation>
    </message>
    <message>
      <location filename="../../desktop/review.py" line="98" />
      <source>删除此段</source>
      <translation>Drop paragraph</translation>
    </message>
    <message>
      <location filename="../../desktop/review.py" line="99" />
      <source>恢复此行</source>
      <translation>Restore line</translation>
    </message>
    <message>
      <location filename="../../desktop/review.py" line="100" />
      <source>把左侧选中的已删除行恢复到结果中，各成一段</source>
      <translation>Put the removed lines selected on the left back into the result, each as its own paragraph</translation>
    </message>
    <message>
      <location filename="../../desktop/review.py" line="101" />
      <source>撤销修改</source>
      <translation>Undo edit</translation>
    </message>
    <message>
      <location filename="../../desktop/review.py" line="102" />
      <source>设为正文</source>
      <translation>Make body text</translation>
    </message>
    <message>
      <location filename="../../desktop/review.py" line="103" />
      <source>设为标题</source>
      <translation>Make title</translation>
    </message>
    <message>
      <location filename="../../desktop/review.py" line="105" />
      <source>设为{n}级标题</source>
      <translation>Make level-{n} heading</translation>
    </message>
    <message>
      <location filename="../../desktop/review.py" line="107" />
      <source>查找</source>
      <translation>Find</translation>
    </message>
    <message>
      <location filename="../../desktop/review.py" line="108" />
      <source>替换</source>
      <translation>Replace</translation>
    </message>
    <message>
      <location filename="../../desktop/review.py" line="109" />
      <source>占位符</source>
      <translation>Placeholders</translation>
    </message>
    <message>
      <location filename="../../desktop/review.py" line="110" />
      <source>列出待填写的占位符（×××、XX、____、20xx）并填写</source>
      <translation>List the placeholders left to fill (×××, XX, ____, 20xx) and fill them</translation>
    </message>
    <message>
      <location filename="../../desktop/review.py" line="111" />
      <source>复制结果</source>
      <translation>Copy result</translation>
    </message>
    <message>
      <location filename="../../desktop/review.py" line="112" />
      <source>把清稿结果带格式复制，可直接粘贴到 WPS 或 Word</source>
      <translation>Copy the result with its formatting, ready to paste into WPS or Word</translation>
    </message>
    <message>
      <location filename="../../desktop/review.py" line="117" />
      <source>类型</source>
      <translation>Type</translation>
    </message>
    <message>
      <location filename="../../desktop/review.py" line="129" />
      <source>原稿（删除的行带删除线，标签是删除原因）</source>
      <translation>Draft (removed lines struck through, tagged with why)</translation>
    </message>
    <message>
      <location filename="../../desktop/review.py" line="134" />
      <source>清稿结果（可直接修改文字；按公文版式近似显示）</source>
      <translation>Result (edit the text directly; laid out like the official page)</translation>
    </message>
    <message>
      <location filename="../../desktop/review.py" line="214" />
      <source>，或点“添加文件”。</source>
      <translation>, or click “Add files”.</translation>
    </message>
    <message>
      <location filename="../../desktop/review.py" line="218" />
      <source>已取消。选中后按“重新处理”再试。</source>
      <translation>Cancelled. Select it and press “Process again” to retry.</translation>
    </message>
    <message>
      <location filename="../../desktop/review.py" line="219" />
      <source>正在清理……</source>
      <translation>Cleaning…</translation>
    </message>
    <message>
      <location filename="../../desktop/review.py" line="228" />
      <source>删除网页杂项 {n} 行</source>
      <translation>{n} lines of web clutter removed</translation>
    </message>
    <message>
      <location filename="../../desktop/review.py" line="228" />
      <source>合并 {n} 处</source>
      <translation>{n} joins</translation>
    </message>
    <message>
      <location filename="../../desktop/review.py" line="229" />
      <source>拆分 {n} 处</source>
      <translation>{n} splits</translation>
    </message>
    <message>
      <location filename="../../desktop/review.py" line="229" />
      <source>重新编号 {n} 处</source>
      <translation>{n} renumbered</translation>
    </message>
    <message>
      <location filename="../../desktop/review.py" line="232" />
      <source>繁体转简体 {n} 字</source>
      <translation>{n} characters made Simplified</translation>
    </message>
    <message>
      <location filename="../../desktop/review.py" line="234" />
      <source>审稿修改 {n} 处</source>
      <translation>{n} review edits</translation>
    </message>
    <message>
      <location filename="../../desktop/review.py" line="238" />
      <source>提示：</source>
      <translation>Warnings: </translation>
    </message>
    <message>
      <location filename="../../desktop/review.py" line="330" />
      <source>先在右侧结果中点选一段。</source>
      <translation>Click a paragraph in the result on the right first.</translation>
    </message>
    <message>
      <location filename="../../desktop/review.py" line="335" />
      <source>无法修改：</source>
      <translation>Cannot edit: </translation>
    </message>
    <message>
      <location filename="../../desktop/review.py" line="343" />
      <source>已替换：“{p}”→“{t}”</source>
      <translation>Replaced: “{p}” → “{t}”</translation>
    </message>
    <message>
      <location filename="../../desktop/review.py" line="350" />
      <source>文中没有要替换的文字。</source>
      <translation>The text to replace is not in the document.</translation>
    </message>
    <message>
      <location filename="../../desktop/review.py" line="352" />
      <source>“原文缺失”提示和文件分隔不能合并或拆分。</source>
      <translation>Gap notes and document breaks cannot be merged or split.</translation>
    </message>
    <message>
      <location filename="../../desktop/review.py" line="353" />
      <source>这一段不能这样修改。</source>
      <translation>This paragraph cannot be changed that way.</translation>
    </message>
    <message>
      <location filename="../../desktop/review.py" line="370" />
      <source>“原文缺失”提示和文件分隔不能直接修改；已还原。</source>
      <translation>Gap notes and document breaks cannot be edited; put back as they were.</translation>
    </message>
    <message>
      <location filename="../../desktop/review.py" line="404" />
      <source>已复制清稿结果，可粘贴到 WPS 或 Word。</source>
      <translation>Result copied; paste it into WPS or Word.</translation>
    </message>
    <message>
      <location filename="../../desktop/review.py" line="410" />
      <source>先在左侧原稿中点选一条带删除线的行。</source>
      <translation>Click a struck-through line in the draft on the left first.</translation>
    </message>
  </context>
</TS>
