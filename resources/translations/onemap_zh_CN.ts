<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>AttributeTableModel</name>
    <message>
        <source>No field named “%1” in this layer. Fields: %2</source>
        <translation>该图层中没有名为“%1”的字段。字段有：%2</translation>
    </message>
    <message>
        <source>“%1” is not a number, but %2 is a numeric field.</source>
        <translation>“%1”不是数字，而 %2 是数值字段。</translation>
    </message>
</context>
<context>
    <name>BandRole</name>
    <message>
        <source>Coastal/aerosol</source>
        <translation>海岸/气溶胶</translation>
    </message>
    <message>
        <source>Blue</source>
        <translation>蓝</translation>
    </message>
    <message>
        <source>Green</source>
        <translation>绿</translation>
    </message>
    <message>
        <source>Red</source>
        <translation>红</translation>
    </message>
    <message>
        <source>Red edge 1</source>
        <translation>红边1</translation>
    </message>
    <message>
        <source>Red edge 2</source>
        <translation>红边2</translation>
    </message>
    <message>
        <source>Red edge 3</source>
        <translation>红边3</translation>
    </message>
    <message>
        <source>NIR</source>
        <translation>近红外</translation>
    </message>
    <message>
        <source>Narrow NIR</source>
        <translation>窄近红外</translation>
    </message>
    <message>
        <source>Water vapour</source>
        <translation>水汽</translation>
    </message>
    <message>
        <source>Cirrus</source>
        <translation>卷云</translation>
    </message>
    <message>
        <source>SWIR 1</source>
        <translation>短波红外1</translation>
    </message>
    <message>
        <source>SWIR 2</source>
        <translation>短波红外2</translation>
    </message>
    <message>
        <source>Thermal</source>
        <translation>热红外</translation>
    </message>
    <message>
        <source>Panchromatic</source>
        <translation>全色</translation>
    </message>
    <message>
        <source>Alpha</source>
        <translation>透明度</translation>
    </message>
</context>
<context>
    <name>ChangeDetectionPlugin</name>
    <message>
        <source>&amp;Detect Cropland Change…</source>
        <translation>耕地变化检测(&amp;D)…</translation>
    </message>
    <message>
        <source>Find 非农化 / 非粮化 patches between two image dates on cropland</source>
        <translation>在耕地上查找两期影像之间的非农化/非粮化图斑</translation>
    </message>
    <message>
        <source>Change Detection</source>
        <translation>变化检测</translation>
    </message>
    <message>
        <source>&amp;Open Change Patches…</source>
        <translation>打开变化图斑(&amp;O)…</translation>
    </message>
    <message>
        <source>Review the patches of an earlier detection run</source>
        <translation>复核以前检测得到的图斑</translation>
    </message>
    <message>
        <source>Open Change Patches</source>
        <translation>打开变化图斑</translation>
    </message>
    <message>
        <source>GeoPackage (*.gpkg)</source>
        <translation>GeoPackage (*.gpkg)</translation>
    </message>
    <message>
        <source>Change Patches Panel</source>
        <translation>变化图斑面板</translation>
    </message>
</context>
<context>
    <name>ColorRamp</name>
    <message>
        <source>Red–Yellow–Green (NDVI)</source>
        <translation>红—黄—绿（NDVI）</translation>
    </message>
    <message>
        <source>Viridis</source>
        <translation>Viridis（蓝绿黄）</translation>
    </message>
    <message>
        <source>Spectral</source>
        <translation>光谱（红—蓝）</translation>
    </message>
    <message>
        <source>Greys</source>
        <translation>灰度</translation>
    </message>
    <message>
        <source>Yellow–Orange–Red</source>
        <translation>黄—橙—红</translation>
    </message>
    <message>
        <source>Blues</source>
        <translation>蓝色系</translation>
    </message>
    <message>
        <source>Greens</source>
        <translation>绿色系</translation>
    </message>
    <message>
        <source>Reds</source>
        <translation>红色系</translation>
    </message>
</context>
<context>
    <name>DetectCommand</name>
    <message>
        <source>Find 非农化 (cropland → buildings, roads, hardened ground) and 非粮化 (cropland → orchards, forest, ponds) between two image dates and write attributed change patches with a per-village summary to a GeoPackage. Layers are given as FILE or FILE:LAYER.</source>
        <translation>查找两期影像之间的非农化（耕地 → 建筑、道路、硬化地面）和非粮化（耕地 → 果园、林地、坑塘），将带属性的变化图斑及分村汇总写入 GeoPackage。图层以 文件 或 文件:图层 的形式给出。</translation>
    </message>
    <message>
        <source>Earlier image (GeoTIFF, COG, VRT…)</source>
        <translation>前时相影像（GeoTIFF、COG、VRT…）</translation>
    </message>
    <message>
        <source>Later image (any grid and CRS: aligned to the earlier one)</source>
        <translation>后时相影像（任意格网和坐标系：将对齐到前时相）</translation>
    </message>
    <message>
        <source>Permanent basic farmland layer (optional)</source>
        <translation>永久基本农田图层（可选）</translation>
    </message>
    <message>
        <source>Village boundaries with ZLDWDM/ZLDWMC (optional)</source>
        <translation>含 ZLDWDM/ZLDWMC 的村界图层（可选）</translation>
    </message>
    <message>
        <source>Ecological protection red line (optional)</source>
        <translation>生态保护红线图层（可选）</translation>
    </message>
    <message>
        <source>Output GeoPackage</source>
        <translation>输出 GeoPackage</translation>
    </message>
    <message>
        <source>Replace the output file if it exists</source>
        <translation>若输出文件已存在则替换</translation>
    </message>
    <message>
        <source>Band roles of the earlier image, e.g. blue=1,green=2,red=3,nir=4</source>
        <translation>前时相影像的波段角色，如 blue=1,green=2,red=3,nir=4</translation>
    </message>
    <message>
        <source>Band roles of the later image</source>
        <translation>后时相影像的波段角色</translation>
    </message>
    <message>
        <source>Date of the earlier image (default: from its metadata or name)</source>
        <translation>前时相影像日期（默认取自其元数据或文件名）</translation>
    </message>
    <message>
        <source>Date of the later image</source>
        <translation>后时相影像日期</translation>
    </message>
    <message>
        <source>Print a JSON summary on stdout</source>
        <translation>在标准输出打印 JSON 摘要</translation>
    </message>
    <message>
        <source>Do not print progress</source>
        <translation>不打印进度</translation>
    </message>
    <message>
        <source>onemap-cli detect: %1 (see --help)</source>
        <translation>onemap-cli detect：%1（参见 --help）</translation>
    </message>
    <message>
        <source>onemap-cli detect: --%1 is required (see --help)</source>
        <translation>onemap-cli detect：必须给出 --%1（参见 --help）</translation>
    </message>
    <message>
        <source>%1 change patches (%2 m² = %3 亩) written to %4 in %5 s</source>
        <translation>%1 个变化图斑（%2 平方米 = %3 亩）已写入 %4，用时 %5 秒</translation>
    </message>
    <message>
        <source>Cropland layer (a 三调 DLTB layer: DLBM 01xx is used); without it every pixel is a candidate</source>
        <translation>耕地图层（三调地类图斑 DLTB 图层：取 DLBM 为 01xx 的图斑）；不指定时所有像元都参与检测</translation>
    </message>
    <message>
        <source>no CRS</source>
        <translation>无坐标系</translation>
    </message>
    <message>
        <source>Grid: %1 (geographic), pixel %2 × %3 m</source>
        <translation>格网：%1（地理坐标），像元 %2 × %3 米</translation>
    </message>
    <message>
        <source>Grid: %1, pixel %2 × %3 m</source>
        <translation>格网：%1，像元 %2 × %3 米</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>警告：%1</translation>
    </message>
</context>
<context>
    <name>DetectionDialog</name>
    <message>
        <source>not georeferenced (pixel coordinates only)</source>
        <translation>无地理参考（仅有像素坐标）</translation>
    </message>
    <message>
        <source>no CRS</source>
        <translation>无坐标系</translation>
    </message>
    <message>
        <source>%1 (geographic), pixel %2 × %3 m</source>
        <translation>%1（地理坐标），像元 %2 × %3 米</translation>
    </message>
    <message>
        <source>%1, pixel %2 × %3 m</source>
        <translation>%1，像元 %2 × %3 米</translation>
    </message>
    <message>
        <source>no CRS (units taken as metres), pixel %1 × %2 m</source>
        <translation>无坐标系（单位按米计），像元 %1 × %2 米</translation>
    </message>
</context>
<context>
    <name>EvaluateCommand</name>
    <message>
        <source>onemap-cli evaluate: %1 (see --help)</source>
        <translation>onemap-cli evaluate: %1 (参见 --help)</translation>
    </message>
    <message>
        <source>Evaluation grid: %1 × %2 pixels, pixel size %3</source>
        <translation>评价格网: %1 × %2 像元, 像元大小 %3</translation>
    </message>
    <message>
        <source>Pixels (change class): precision %1, recall %2, F1 %3, IoU %4 (TP %5, FP %6, FN %7)</source>
        <translation>像元 (变化类): 精确率 %1, 召回率 %2, F1 %3, IoU %4 (TP %5, FP %6, FN %7)</translation>
    </message>
    <message>
        <source>Patches: recall %1 (%2 of %3 truth patches of at least %4 m² detected), precision %5 (%6 of %7 detected patches overlap the truth)</source>
        <translation>图斑: 召回率 %1 (面积不小于 %4 m² 的 %3 个真值图斑中检出 %2 个), 精确率 %5 (%7 个检测图斑中 %6 个与真值重叠)</translation>
    </message>
    <message>
        <source>Distractors flagged: %1 (%2 of %3 of at least %4 m²)</source>
        <translation>干扰项误报率: %1 (面积不小于 %4 m² 的 %3 个干扰项中误报 %2 个)</translation>
    </message>
    <message>
        <source>Score detected change patches against the truth: pixel precision, recall, F1 and IoU of the change class, and for truth polygons patch-level recall and precision (a patch counts as found when it shares at least one evaluation pixel). The truth is a polygon layer or a reference raster (0 unlabelled, 1 unchanged, 2 changed). Write FILE:LAYER to choose a layer.</source>
        <translation>对照真值评价检测到的变化图斑: 变化类的像元精确率、召回率、F1 和 IoU; 真值为面图层时还给出图斑级召回率和精确率 (图斑与对方至少共有一个评价像元即算命中)。真值为面图层或参考栅格 (0 未标注, 1 未变化, 2 变化)。用 FILE:LAYER 指定图层。</translation>
    </message>
    <message>
        <source>Detected change patches (polygons), FILE[:LAYER]</source>
        <translation>检测到的变化图斑 (面), FILE[:LAYER]</translation>
    </message>
    <message>
        <source>Truth polygons FILE[:LAYER] or a reference raster</source>
        <translation>真值面图层 FILE[:LAYER] 或参考栅格</translation>
    </message>
    <message>
        <source>Changes that must not be flagged, FILE[:LAYER]</source>
        <translation>不应被检出的变化 (干扰项), FILE[:LAYER]</translation>
    </message>
    <message>
        <source>Evaluate only inside these polygons, FILE[:LAYER]</source>
        <translation>仅在这些面范围内评价, FILE[:LAYER]</translation>
    </message>
    <message>
        <source>Smallest truth patch or distractor counted, in m²</source>
        <translation>参与统计的真值图斑或干扰项的最小面积 (m²)</translation>
    </message>
    <message>
        <source>Evaluation pixel size in metres for truth polygons</source>
        <translation>真值为面图层时的评价像元大小 (米)</translation>
    </message>
    <message>
        <source>Print JSON instead of text</source>
        <translation>输出 JSON 而非文本</translation>
    </message>
    <message>
        <source>Do not print progress</source>
        <translation>不打印进度</translation>
    </message>
    <message>
        <source>--truth FILE[:LAYER] is required</source>
        <translation>必须给出 --truth FILE[:LAYER]</translation>
    </message>
    <message>
        <source>give exactly one PATCHES file</source>
        <translation>请给出且仅给出一个 PATCHES 文件</translation>
    </message>
    <message>
        <source>--min-area must be a number of m² ≥ 0, not '%1'</source>
        <translation>--min-area 必须是不小于 0 的平方米数, 而不是“%1”</translation>
    </message>
    <message>
        <source>--resolution must be a number of metres &gt; 0, not '%1'</source>
        <translation>--resolution 必须是大于 0 的米数, 而不是“%1”</translation>
    </message>
</context>
<context>
    <name>ExportAtlasCommand</name>
    <message>
        <source>Export an atlas: one map sheet per feature of the coverage layer (villages by default: 一村一图), each zoomed to its feature with the outside dimmed and the variables and tables filled, as one file per sheet named by code and name, or as one multi-page PDF. A failing sheet is reported; the others still come out.</source>
        <translation>导出图集：覆盖图层的每个要素一幅图（默认按行政村：一村一图），每幅缩放到该要素，要素外部淡化显示，并填写变量和统计表；可按“代码_名称”每幅一个文件，或输出一个多页 PDF。某幅失败时会报告，其余图幅照常输出。</translation>
    </message>
    <message>
        <source>OGR SQL attribute filter on the coverage layer, e.g. "ZLDWDM LIKE '320999101%'"</source>
        <translation>覆盖图层的 OGR SQL 属性筛选条件，例如 "ZLDWDM LIKE '320999101%'"</translation>
    </message>
    <message>
        <source>Output folder (one file per sheet) or .pdf file (one multi-page PDF)</source>
        <translation>输出文件夹（每幅一个文件）或 .pdf 文件（一个多页 PDF）</translation>
    </message>
    <message>
        <source>pdf, png or tif [pdf]</source>
        <translation>pdf、png 或 tif [pdf]</translation>
    </message>
    <message>
        <source>Write one multi-page PDF at --out (implied by an --out ending in .pdf)</source>
        <translation>在 --out 处写出一个多页 PDF（--out 以 .pdf 结尾时自动启用）</translation>
    </message>
    <message>
        <source>Resolution of raster output and of images in the PDF [the layout's, 300]</source>
        <translation>栅格输出及 PDF 内影像的分辨率 [取版式设置，300]</translation>
    </message>
    <message>
        <source>Sheets drawn at once [number of cores]</source>
        <translation>同时绘制的图幅数 [CPU 核数]</translation>
    </message>
    <message>
        <source>Replace existing files</source>
        <translation>替换已有文件</translation>
    </message>
    <message>
        <source>Print a JSON summary on stdout</source>
        <translation>在标准输出打印 JSON 摘要</translation>
    </message>
    <message>
        <source>Do not print progress</source>
        <translation>不打印进度</translation>
    </message>
    <message>
        <source>onemap-cli export-atlas: %1 (see --help)</source>
        <translation>onemap-cli export-atlas：%1（参见 --help）</translation>
    </message>
    <message>
        <source>onemap-cli export-atlas: --out is required (see --help)</source>
        <translation>onemap-cli export-atlas：必须指定 --out（参见 --help）</translation>
    </message>
    <message>
        <source>onemap-cli export-atlas: unknown --format '%1': use pdf, png or tif</source>
        <translation>onemap-cli export-atlas：未知的 --format “%1”：请使用 pdf、png 或 tif</translation>
    </message>
    <message>
        <source>onemap-cli export-atlas: a single file is PDF only; give a folder for --format %1</source>
        <translation>onemap-cli export-atlas：只有 PDF 能输出为单个文件；--format %1 请指定一个文件夹</translation>
    </message>
    <message>
        <source>onemap-cli export-atlas: --%1 must be a positive number (see --help)</source>
        <translation>onemap-cli export-atlas：--%1 必须是正数（参见 --help）</translation>
    </message>
    <message>
        <source>onemap-cli: warning: %1: %2</source>
        <translation>onemap-cli：警告：%1：%2</translation>
    </message>
    <message>
        <source>onemap-cli: error: sheet %1 failed: %2</source>
        <translation>onemap-cli：错误：图幅 %1 失败：%2</translation>
    </message>
    <message>
        <source>%1 of %2 sheets written to %3 in %4 s (%5 s per sheet)</source>
        <translation>已写出 %1/%2 幅图到 %3，用时 %4 秒（每幅 %5 秒）</translation>
    </message>
    <message>
        <source>Coverage layer: its id or name, or "villages" for the village boundaries (default: the layout's atlas layer)</source>
        <translation>覆盖图层：图层 ID 或名称，或用 "villages" 表示行政村界线（默认：版式图集所设图层）</translation>
    </message>
</context>
<context>
    <name>ExportLayoutCommand</name>
    <message>
        <source>Export one map sheet of a project to PDF (vector, searchable text), PNG (with a .pgw world file and .prj) or GeoTIFF, georeferenced to the sheet's main map frame. The format follows the output's extension.</source>
        <translation>将项目的一幅地图图幅导出为 PDF（矢量、文字可检索）、PNG（附 .pgw 世界文件和 .prj）或 GeoTIFF，按图幅主图框进行地理配准。格式由输出文件的扩展名决定。</translation>
    </message>
    <message>
        <source>Output file: .pdf, .png or .tif</source>
        <translation>输出文件：.pdf、.png 或 .tif</translation>
    </message>
    <message>
        <source>Resolution of raster output and of images in the PDF [the layout's, 300]</source>
        <translation>栅格输出及 PDF 内影像的分辨率 [取版式设置，300]</translation>
    </message>
    <message>
        <source>Atlas layouts: draw the sheet of the coverage feature with this code (e.g. a ZLDWDM village code)</source>
        <translation>图集版式：绘制该编码对应覆盖要素的图幅（如 ZLDWDM 村级代码）</translation>
    </message>
    <message>
        <source>Replace the output file if it exists</source>
        <translation>输出文件已存在时覆盖</translation>
    </message>
    <message>
        <source>Print a JSON summary on stdout</source>
        <translation>在标准输出打印 JSON 摘要</translation>
    </message>
    <message>
        <source>Do not print progress</source>
        <translation>不打印进度</translation>
    </message>
    <message>
        <source>onemap-cli export-layout: %1 (see --help)</source>
        <translation>onemap-cli export-layout：%1（参见 --help）</translation>
    </message>
    <message>
        <source>onemap-cli export-layout: --out is required (see --help)</source>
        <translation>onemap-cli export-layout：必须指定 --out（参见 --help）</translation>
    </message>
    <message>
        <source>onemap-cli export-layout: cannot tell the format of %1: use .pdf, .png or .tif</source>
        <translation>onemap-cli export-layout：无法判断 %1 的格式：请使用 .pdf、.png 或 .tif</translation>
    </message>
    <message>
        <source>onemap-cli export-layout: --dpi must be a number (see --help)</source>
        <translation>onemap-cli export-layout：--dpi 必须是数字（参见 --help）</translation>
    </message>
    <message>
        <source>onemap-cli: warning: %1</source>
        <translation>onemap-cli：警告：%1</translation>
    </message>
    <message>
        <source>Sheet "%1" written to %2 in %3 s</source>
        <translation>图幅“%1”已写入 %2，用时 %3 秒</translation>
    </message>
</context>
<context>
    <name>ExportRunner</name>
    <message>
        <source>Canceled: %1 of %2 sheets were written to %3.</source>
        <translation>已取消：%2 幅中已有 %1 幅写入 %3。</translation>
    </message>
    <message>
        <source>%1 of %2 sheets were written to %3.</source>
        <translation>%2 幅中的 %1 幅已写入 %3。</translation>
    </message>
    <message numerus="yes">
        <source>%n sheet(s) failed:</source>
        <translation>
            <numerusform>%n 幅失败：</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>InfoCommand</name>
    <message>
        <source>CRS:         none — the file does not say where it is on Earth</source>
        <translation>坐标系:      无 — 文件未说明其地理位置</translation>
    </message>
    <message>
        <source>Suggested:   EPSG:%1 — %2</source>
        <translation>建议:        EPSG:%1 — %2</translation>
    </message>
    <message>
        <source>CRS:         (could not be described: %1)</source>
        <translation>坐标系:      (无法识别: %1)</translation>
    </message>
    <message>
        <source>CRS:         %1 %2</source>
        <translation>坐标系:      %1 %2</translation>
    </message>
    <message>
        <source>             %1</source>
        <translation>             %1</translation>
    </message>
    <message>
        <source>Axis order:  %1</source>
        <translation>轴序:        %1</translation>
    </message>
    <message>
        <source>GK zone:     %1° zone %2, central meridian %3°E, %4</source>
        <translation>高斯带:      %1°带 第%2带, 中央经线 %3°E, %4</translation>
    </message>
    <message>
        <source>easting with zone prefix</source>
        <translation>横坐标含带号</translation>
    </message>
    <message>
        <source>easting without zone prefix</source>
        <translation>横坐标不含带号</translation>
    </message>
    <message>
        <source>(unknown: no CRS)</source>
        <translation>(未知: 无坐标系)</translation>
    </message>
    <message>
        <source>Describe a raster or vector file: driver, CRS (EPSG, Chinese and English name, axis order), extent in the CRS and in lon/lat, pixel size, bands with roles and statistics, overviews; for vectors every layer with geometry type, feature count, fields, encoding, invalid geometries and polygon area in m² and mu (亩).</source>
        <translation>描述栅格或矢量文件: 驱动、坐标系 (EPSG、中英文名称、轴序)、坐标系下及经纬度范围、像元大小、波段及其角色和统计值、金字塔; 矢量文件列出每个图层的几何类型、要素数、字段、编码、无效几何数以及以平方米和亩计的面积。</translation>
    </message>
    <message>
        <source>Raster or vector file (or .gdb folder)</source>
        <translation>栅格或矢量文件 (或 .gdb 文件夹)</translation>
    </message>
    <message>
        <source>Print JSON instead of text</source>
        <translation>输出 JSON 而非文本</translation>
    </message>
    <message>
        <source>Describe only this vector layer</source>
        <translation>只描述该矢量图层</translation>
    </message>
    <message>
        <source>Attribute encoding of a Shapefile DBF (GB18030, GBK, UTF-8...); default: detect</source>
        <translation>Shapefile DBF 属性编码 (GB18030、GBK、UTF-8…); 默认自动检测</translation>
    </message>
    <message>
        <source>Skip band statistics</source>
        <translation>不计算波段统计值</translation>
    </message>
    <message>
        <source>Compute band statistics from every pixel (slow)</source>
        <translation>用全部像元计算波段统计值 (较慢)</translation>
    </message>
    <message>
        <source>CSV: column of X / longitude</source>
        <translation>CSV: X / 经度 列</translation>
    </message>
    <message>
        <source>CSV: column of Y / latitude</source>
        <translation>CSV: Y / 纬度 列</translation>
    </message>
    <message>
        <source>CSV: column of WKT geometry</source>
        <translation>CSV: WKT 几何列</translation>
    </message>
    <message>
        <source>CSV: CRS of the coordinates, e.g. EPSG:4490</source>
        <translation>CSV: 坐标所用坐标系, 如 EPSG:4490</translation>
    </message>
    <message>
        <source>onemap-cli info: %1 (see onemap-cli info --help)</source>
        <translation>onemap-cli info: %1 (参见 onemap-cli info --help)</translation>
    </message>
    <message>
        <source>onemap-cli info: give exactly one FILE (see onemap-cli info --help)</source>
        <translation>onemap-cli info: 请指定且只指定一个文件 (参见 onemap-cli info --help)</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(空)</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>File:        %1</source>
        <translation>文件:        %1</translation>
    </message>
    <message>
        <source>Driver:      %1 (%2)</source>
        <translation>驱动:        %1 (%2)</translation>
    </message>
    <message>
        <source>Raster:      %1 × %2 px, %3 band(s)</source>
        <translation>栅格:        %1 × %2 像元, %3 个波段</translation>
    </message>
    <message>
        <source>Extent:      %1</source>
        <translation>范围:        %1</translation>
    </message>
    <message>
        <source>Lon/lat:     %1</source>
        <translation>经纬度:      %1</translation>
    </message>
    <message>
        <source>Pixel size:  %1 × %2</source>
        <translation>像元大小:    %1 × %2</translation>
    </message>
    <message>
        <source>Pixel size:  (no georeferencing)</source>
        <translation>像元大小:    (无地理参考)</translation>
    </message>
    <message>
        <source>Blocks:      %1 × %2, compression %3</source>
        <translation>分块:        %1 × %2, 压缩 %3</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Overviews:   none</source>
        <translation>金字塔:      无</translation>
    </message>
    <message>
        <source>Overviews:   %1</source>
        <translation>金字塔:      %1</translation>
    </message>
    <message>
        <source>Bands:</source>
        <translation>波段:</translation>
    </message>
    <message>
        <source>  %1: %2  role %3 (from %4)</source>
        <translation>  %1: %2  角色 %3 (依据: %4)</translation>
    </message>
    <message>
        <source>no evidence</source>
        <translation>无依据</translation>
    </message>
    <message>
        <source>  "%1"</source>
        <translation>  "%1"</translation>
    </message>
    <message>
        <source>  nodata %1</source>
        <translation>  无效值 %1</translation>
    </message>
    <message>
        <source>       min %1  max %2  mean %3  std dev %4%5</source>
        <translation>       最小 %1  最大 %2  均值 %3  标准差 %4%5</translation>
    </message>
    <message>
        <source>  (approximate)</source>
        <translation>  (近似)</translation>
    </message>
    <message>
        <source>Warning:     %1</source>
        <translation>警告:        %1</translation>
    </message>
    <message>
        <source>Layers:      %1</source>
        <translation>图层数:      %1</translation>
    </message>
    <message>
        <source>Layer:       %1</source>
        <translation>图层:        %1</translation>
    </message>
    <message>
        <source>Geometry:    %1</source>
        <translation>几何类型:    %1</translation>
    </message>
    <message>
        <source>Features:    %1</source>
        <translation>要素数:      %1</translation>
    </message>
    <message>
        <source>Encoding:    %1 (%2)</source>
        <translation>编码:        %1 (%2)</translation>
    </message>
    <message>
        <source>Invalid geometries: %1, empty: %2</source>
        <translation>无效几何: %1, 空几何: %2</translation>
    </message>
    <message>
        <source>Polygon area: %1 m² = %2 mu (亩) = %3 ha, %4</source>
        <translation>面状面积: %1 平方米 = %2 亩 = %3 公顷, %4</translation>
    </message>
    <message>
        <source>Fields (%1):</source>
        <translation>字段 (%1):</translation>
    </message>
</context>
<context>
    <name>ItemProperty</name>
    <message>
        <source>Font size</source>
        <translation>字号</translation>
    </message>
    <message>
        <source>Map frame</source>
        <translation>地图框</translation>
    </message>
    <message>
        <source>Extent</source>
        <translation>范围</translation>
    </message>
    <message>
        <source>Lock extent</source>
        <translation>锁定范围</translation>
    </message>
    <message>
        <source>Fixed scale 1:</source>
        <translation>固定比例尺 1:</translation>
    </message>
    <message>
        <source>Atlas scale</source>
        <translation>图集比例尺</translation>
    </message>
    <message>
        <source>Fit the feature</source>
        <translation>适合要素</translation>
    </message>
    <message>
        <source>Map rotation</source>
        <translation>地图旋转</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>图层</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>格网</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Kilometre grid (Gauss–Krüger)</source>
        <translation>公里格网（高斯-克吕格）</translation>
    </message>
    <message>
        <source>Graticule</source>
        <translation>经纬网</translation>
    </message>
    <message>
        <source>Kilometre grid and graticule</source>
        <translation>公里格网和经纬网</translation>
    </message>
    <message>
        <source>Grid interval (0 = auto)</source>
        <translation>格网间距（0 = 自动）</translation>
    </message>
    <message>
        <source>Graticule interval (0 = auto)</source>
        <translation>经纬网间隔（0 = 自动）</translation>
    </message>
    <message>
        <source>Grid labels</source>
        <translation>格网注记</translation>
    </message>
    <message>
        <source>Grid lines across the map</source>
        <translation>格网线贯穿地图</translation>
    </message>
    <message>
        <source>Grid font size</source>
        <translation>格网注记字号</translation>
    </message>
    <message>
        <source>Overview of</source>
        <translation>位置示意图对应</translation>
    </message>
    <message>
        <source>Overview rectangle</source>
        <translation>示意范围框</translation>
    </message>
    <message>
        <source>Alignment</source>
        <translation>对齐方式</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>左</translation>
    </message>
    <message>
        <source>Centre</source>
        <translation>居中</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>右</translation>
    </message>
    <message>
        <source>Frame width (0 = none)</source>
        <translation>边框宽度（0 = 无）</translation>
    </message>
    <message>
        <source>Frame colour</source>
        <translation>边框颜色</translation>
    </message>
    <message>
        <source>Background</source>
        <translation>背景</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>Bold</source>
        <translation>粗体</translation>
    </message>
    <message>
        <source>Text colour</source>
        <translation>文字颜色</translation>
    </message>
    <message>
        <source>Letter spacing</source>
        <translation>字间距</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Only entries visible in the frame</source>
        <translation>仅显示图框内可见的图例项</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>列数</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>Metres</source>
        <translation>米</translation>
    </message>
    <message>
        <source>Kilometres</source>
        <translation>千米</translation>
    </message>
    <message>
        <source>Segments</source>
        <translation>分段数</translation>
    </message>
    <message>
        <source>Segment length (0 = auto)</source>
        <translation>分段长度（0 = 自动）</translation>
    </message>
    <message>
        <source>Numeric scale (1:N)</source>
        <translation>数字比例尺 (1:N)</translation>
    </message>
    <message>
        <source>Style</source>
        <translation>样式</translation>
    </message>
    <message>
        <source>Alternating blocks</source>
        <translation>黑白相间</translation>
    </message>
    <message>
        <source>Line with ticks</source>
        <translation>带刻度的线</translation>
    </message>
    <message>
        <source>Image file</source>
        <translation>图片文件</translation>
    </message>
    <message>
        <source>Keep aspect ratio</source>
        <translation>保持宽高比</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Summary by change type</source>
        <translation>按变化类型汇总</translation>
    </message>
    <message>
        <source>Attribute rows</source>
        <translation>属性记录</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>图层</translation>
    </message>
    <message>
        <source>Fields (comma-separated)</source>
        <translation>字段（逗号分隔）</translation>
    </message>
    <message>
        <source>Only rows inside the atlas feature</source>
        <translation>仅图集要素范围内的记录</translation>
    </message>
    <message>
        <source>Maximum rows</source>
        <translation>最大行数</translation>
    </message>
    <message>
        <source>Producer (制图单位)</source>
        <translation>制图单位</translation>
    </message>
    <message>
        <source>Date (制图日期)</source>
        <translation>制图日期</translation>
    </message>
    <message>
        <source>Coordinate system (坐标系)</source>
        <translation>坐标系</translation>
    </message>
    <message>
        <source>Data source (数据来源)</source>
        <translation>数据来源</translation>
    </message>
    <message>
        <source>Shape</source>
        <translation>形状</translation>
    </message>
    <message>
        <source>Rectangle</source>
        <translation>矩形</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>直线</translation>
    </message>
    <message>
        <source>Stroke width</source>
        <translation>线宽</translation>
    </message>
    <message>
        <source>Stroke colour</source>
        <translation>线条颜色</translation>
    </message>
    <message>
        <source>Fill</source>
        <translation>填充</translation>
    </message>
    <message>
        <source>Rounded up (1, 1.2, 1.5 … 7.5 × 10ⁿ)</source>
        <translation>向上取整（1、1.2、1.5 … 7.5 × 10ⁿ）</translation>
    </message>
</context>
<context>
    <name>LayoutItem</name>
    <message>
        <source>Map</source>
        <translation>地图</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>文本框</translation>
    </message>
    <message>
        <source>Legend</source>
        <translation>图例</translation>
    </message>
    <message>
        <source>Scale Bar</source>
        <translation>比例尺</translation>
    </message>
    <message>
        <source>North Arrow</source>
        <translation>指北针</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>统计表</translation>
    </message>
    <message>
        <source>Picture</source>
        <translation>图片</translation>
    </message>
    <message>
        <source>Producer Block</source>
        <translation>制图说明</translation>
    </message>
    <message>
        <source>Shape</source>
        <translation>形状</translation>
    </message>
</context>
<context>
    <name>LayoutOptions</name>
    <message>
        <source>Project file (.onemap)</source>
        <translation>项目文件（.onemap）</translation>
    </message>
    <message>
        <source>Name of a layout saved in the project</source>
        <translation>项目中已保存版式的名称</translation>
    </message>
    <message>
        <source>Use a template instead of a saved layout: 'village' (the standard 一村一图 sheet) or a .onemap-layout file</source>
        <translation>使用模板代替已保存的版式：'village'（标准一村一图图幅）或 .onemap-layout 文件</translation>
    </message>
</context>
<context>
    <name>Legend</name>
    <message>
        <source>Band %1</source>
        <translation>波段 %1</translation>
    </message>
    <message>
        <source>Band %1 (%2)</source>
        <translation>波段 %1（%2）</translation>
    </message>
    <message>
        <source>%1: %2 – %3</source>
        <translation>%1：%2 – %3</translation>
    </message>
    <message>
        <source>Red: %1</source>
        <translation>红：%1</translation>
    </message>
    <message>
        <source>Green: %1</source>
        <translation>绿：%1</translation>
    </message>
    <message>
        <source>Blue: %1</source>
        <translation>蓝：%1</translation>
    </message>
    <message>
        <source>(no value)</source>
        <translation>（无值）</translation>
    </message>
    <message>
        <source>… and %1 more values</source>
        <translation>……另有 %1 个值</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
</context>
<context>
    <name>MakeSampleCommand</name>
    <message>
        <source>Generate the synthetic sample county: two dates of GF-1-like imagery, 三调 land use, permanent basic farmland, villages, truth change patches and distractors, thematic layers and a styled project. The same seed always gives the same data.</source>
        <translation>生成模拟示例县: 两期类高分一号影像、三调地类、永久基本农田、行政村、真实变化图斑与干扰变化、专题图层和已配置样式的工程。相同的种子总是生成相同的数据。</translation>
    </message>
    <message>
        <source>small (seconds, for tests) or county (20 000 × 20 000 px, for benchmarks)</source>
        <translation>small (数秒, 用于测试) 或 county (20 000 × 20 000 像元, 用于性能基准)</translation>
    </message>
    <message>
        <source>Random seed (a whole number)</source>
        <translation>随机种子 (整数)</translation>
    </message>
    <message>
        <source>Output folder (must not exist)</source>
        <translation>输出文件夹 (不得已存在)</translation>
    </message>
    <message>
        <source>Replace the output folder if it exists</source>
        <translation>输出文件夹已存在时替换它</translation>
    </message>
    <message>
        <source>Write vectors and the project only</source>
        <translation>只写出矢量和工程</translation>
    </message>
    <message>
        <source>Shift the second date by this many metres in x and y</source>
        <translation>将后时相在 x 和 y 方向各偏移该米数</translation>
    </message>
    <message>
        <source>Worker threads (0 = all cores)</source>
        <translation>工作线程数 (0 = 全部核心)</translation>
    </message>
    <message>
        <source>Print a JSON summary on stdout</source>
        <translation>在标准输出打印 JSON 摘要</translation>
    </message>
    <message>
        <source>Do not print progress</source>
        <translation>不打印进度</translation>
    </message>
    <message>
        <source>onemap-cli make-sample: %1 (see --help)</source>
        <translation>onemap-cli make-sample: %1 (参见 --help)</translation>
    </message>
    <message>
        <source>onemap-cli make-sample: --size must be small or county, not '%1'</source>
        <translation>onemap-cli make-sample: --size 必须为 small 或 county, 而不是 '%1'</translation>
    </message>
    <message>
        <source>onemap-cli make-sample: --seed must be a whole number, not '%1'</source>
        <translation>onemap-cli make-sample: --seed 必须为整数, 而不是 '%1'</translation>
    </message>
    <message>
        <source>onemap-cli make-sample: --out DIR is required</source>
        <translation>onemap-cli make-sample: 必须指定 --out 文件夹</translation>
    </message>
    <message>
        <source>Sample county written to %1: %2 townships, %3 villages, %4 land-use polygons, %5 truth changes, %6 distractors</source>
        <translation>示例县已写出到 %1: %2 个乡镇, %3 个行政村, %4 个地类图斑, %5 个真实变化, %6 个干扰变化</translation>
    </message>
    <message>
        <source>onemap-cli make-sample: --misregistration must be a number of metres from 0 to 100</source>
        <translation>onemap-cli make-sample：--misregistration 必须是 0 到 100 之间的米数</translation>
    </message>
    <message>
        <source>onemap-cli make-sample: --threads must be a whole number from 0 (all cores) to 64, not '%1'</source>
        <translation>onemap-cli make-sample：--threads 必须是 0（全部核心）到 64 之间的整数，而不是“%1”</translation>
    </message>
</context>
<context>
    <name>ParameterSpec</name>
    <message>
        <source>Minimum patch area (m²)</source>
        <translation>最小图斑面积（平方米）</translation>
    </message>
    <message>
        <source>Patches smaller than this are dropped (三调 minimum mapping unit for agricultural land: 400 m²).</source>
        <translation>小于此面积的图斑将被舍弃（三调农用地最小上图面积：400 平方米）。</translation>
    </message>
    <message>
        <source>Sensitivity</source>
        <translation>灵敏度</translation>
    </message>
    <message>
        <source>Scales the automatic (Otsu) change threshold: above 1 finds more change, below 1 fewer false alarms.</source>
        <translation>缩放自动（Otsu）变化阈值：大于 1 检出更多变化，小于 1 减少误报。</translation>
    </message>
    <message>
        <source>Tree texture threshold</source>
        <translation>树冠纹理阈值</translation>
    </message>
    <message>
        <source>Memory limit (MB)</source>
        <translation>内存上限（MB）</translation>
    </message>
    <message>
        <source>Threads</source>
        <translation>线程数</translation>
    </message>
    <message>
        <source>Worker threads for the block computations.</source>
        <translation>分块计算使用的工作线程数。</translation>
    </message>
    <message>
        <source>Flag bare soil (推土)</source>
        <translation>标记裸土（推土）</translation>
    </message>
    <message>
        <source>Also report cropland turned to bare soil; off by default because harvest looks the same.</source>
        <translation>同时报告变为裸土的耕地；默认关闭，因为收割后的农田看起来相同。</translation>
    </message>
    <message>
        <source>Mask clouds and shadows</source>
        <translation>掩膜云和云影</translation>
    </message>
    <message>
        <source>Ignore pixels that are cloud or cloud shadow on either date.</source>
        <translation>忽略任一时相为云或云影的像元。</translation>
    </message>
    <message>
        <source>Rise of the relative NIR crown texture (5 × 5, in the direction of least variation) above which vegetation counts as newly planted trees/orchard.</source>
        <translation>近红外相对树冠纹理（5 × 5，取变化最小的方向）的增量高于此值时，植被视为新种植的林木/果园。</translation>
    </message>
    <message>
        <source>Upper bound for the memory a run uses; the images are streamed in blocks that fit.</source>
        <translation>一次运行所用内存的上限；影像按能放入的分块流式读取。</translation>
    </message>
    <message>
        <source>Report all change (其他)</source>
        <translation>报告全部变化（其他）</translation>
    </message>
    <message>
        <source>Also report strong change that converts no cropland (regrowth, water receding, built ground rebuilt) as BHLX 其他; for comparing with references that label every change.</source>
        <translation>将不涉及耕地转换的显著变化（植被恢复、水面退缩、建设用地翻建）也作为 BHLX“其他”报告；用于与标注全部变化的参考数据比较。</translation>
    </message>
</context>
<context>
    <name>ProjectController</name>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
</context>
<context>
    <name>PropertyPanel</name>
    <message>
        <source>(not set: the project's extent)</source>
        <translation>（未设置：使用工程范围）</translation>
    </message>
</context>
<context>
    <name>RunWarning</name>
    <message>
        <source>The two images do not differ anywhere: there is no change to find.</source>
        <translation>两期影像处处相同：没有可检测的变化。</translation>
    </message>
    <message>
        <source>All the ground kept its cover (vegetated or water on both dates): there is no change to find.</source>
        <translation>所有地面均保持原有覆盖（两期均为植被或水体）：没有可检测的变化。</translation>
    </message>
    <message>
        <source>Both images are dated %1: what differs between them is not change over time.</source>
        <translation>两期影像日期相同（%1）：它们之间的差异不是随时间发生的变化。</translation>
    </message>
    <message>
        <source>The earlier image (%1) is dated after the later image (%2): change types read from the earlier to the later date; swap them if that is a mistake.</source>
        <translation>前时相影像（%1）晚于后时相影像（%2）：变化类型按前时相到后时相判读；如有误请对调两期影像。</translation>
    </message>
    <message>
        <source>The images' pixels differ %1 × in size (%2 m and %3 m): change smaller than the coarser pixels cannot be seen, and their edges are blurred.</source>
        <translation>两期影像像元大小相差 %1 倍（%2 米与 %3 米）：小于较粗像元的变化无法识别，且边缘会被模糊。</translation>
    </message>
</context>
<context>
    <name>Sheet</name>
    <message>
        <source>Map frame "%1": the project has no layer "%2"</source>
        <translation>地图框“%1”：项目中没有图层“%2”</translation>
    </message>
    <message>
        <source>Sheet %1/%2: %3</source>
        <translation>图幅 %1/%2：%3</translation>
    </message>
    <message>
        <source>the overview's map frame "%1" does not exist</source>
        <translation>位置示意图所指的地图框“%1”不存在</translation>
    </message>
    <message>
        <source>no project to draw</source>
        <translation>没有可绘制的项目</translation>
    </message>
    <message>
        <source>the map frame has no extent: set one, or add layers to the project</source>
        <translation>地图框没有范围：请设置范围，或向项目添加图层</translation>
    </message>
</context>
<context>
    <name>SheetItems</name>
    <message>
        <source>CGCS2000, Gauss–Krüger projection, %1° zone %3, central meridian %2°E</source>
        <translation>2000国家大地坐标系 高斯-克吕格投影 %1度带 第%3带 中央经线%2°</translation>
    </message>
    <message>
        <source>CGCS2000, Gauss–Krüger projection, %1° zone, central meridian %2°E</source>
        <translation>2000国家大地坐标系 高斯-克吕格投影 %1度带 中央经线%2°</translation>
    </message>
    <message>
        <source>CGCS2000 geographic coordinates</source>
        <translation>2000国家大地坐标系（地理坐标）</translation>
    </message>
    <message>
        <source>The text of label “%1” does not fit its box: make the box taller or the font smaller.</source>
        <translation>文本框“%1”的文字超出了范围框：请加高文本框或减小字号。</translation>
    </message>
    <message>
        <source>The legend has no map frame to describe: add a map frame to the layout.</source>
        <translation>图例没有可说明的地图框：请在版面中添加地图框。</translation>
    </message>
    <message>
        <source>The legend has no project to read layers from.</source>
        <translation>图例没有可读取图层的工程。</translation>
    </message>
    <message>
        <source>Legend</source>
        <translation>图例</translation>
    </message>
    <message>
        <source>The legend shows %1 of %2 entries: make it larger, add columns or use a smaller font.</source>
        <translation>图例只显示了 %2 项中的 %1 项：请放大图例、增加列数或减小字号。</translation>
    </message>
    <message>
        <source>The kilometre grid needs a projected map coordinate system (Gauss–Krüger); the map is in %1.</source>
        <translation>公里格网需要投影坐标系（高斯-克吕格）；当前地图坐标系为 %1。</translation>
    </message>
    <message>
        <source>N</source>
        <translation>北</translation>
    </message>
    <message>
        <source>Mapped by: %1</source>
        <translation>制图单位：%1</translation>
    </message>
    <message>
        <source>Map date: %1</source>
        <translation>制图日期：%1</translation>
    </message>
    <message>
        <source>Coordinate system: %1</source>
        <translation>坐标系：%1</translation>
    </message>
    <message>
        <source>Data source: %1</source>
        <translation>数据来源：%1</translation>
    </message>
    <message>
        <source>The producer block is too small for its text: make it larger or the font smaller.</source>
        <translation>制图信息栏放不下其文字：请放大该栏或减小字号。</translation>
    </message>
    <message>
        <source>The scale bar has no map frame to measure: add a map frame to the layout.</source>
        <translation>比例尺没有可量算的地图框：请在版面中添加地图框。</translation>
    </message>
    <message>
        <source>The map frame “%1” of the scale bar shows no area yet: set its extent.</source>
        <translation>比例尺所属的地图框“%1”尚未显示任何范围：请设置其范围。</translation>
    </message>
    <message>
        <source>m</source>
        <translation>米</translation>
    </message>
    <message>
        <source>km</source>
        <translation>千米</translation>
    </message>
    <message>
        <source>The scale bar is wider than its box: widen the box or shorten the segments.</source>
        <translation>比例尺超出了其范围框：请加宽范围框或缩短分段长度。</translation>
    </message>
    <message>
        <source>The table has no project to read data from.</source>
        <translation>统计表没有可读取数据的工程。</translation>
    </message>
    <message>
        <source>The table's layer “%1” is not a vector layer of the project: choose another layer.</source>
        <translation>表格的图层“%1”不是工程中的矢量图层：请选择其他图层。</translation>
    </message>
    <message>
        <source>The project has no change-patch layer (with a BHLX field) for the table: add the change patches or choose a layer.</source>
        <translation>工程中没有可供统计表使用的变化图斑图层（含 BHLX 字段）：请添加变化图斑或选择图层。</translation>
    </message>
    <message>
        <source>Change patch statistics</source>
        <translation>变化图斑统计表</translation>
    </message>
    <message>
        <source>The table “%1” has more rows than fit its box: make it taller, the font smaller or lower max_rows.</source>
        <translation>表格“%1”的行数超出其范围框：请加高表格、减小字号或减少最大行数。</translation>
    </message>
    <message>
        <source>The picture file %1 does not exist: choose another file or copy it there.</source>
        <translation>图片文件 %1 不存在：请选择其他文件或将文件复制到该位置。</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>The SVG file %1 cannot be read: check that it is a valid SVG image.</source>
        <translation>无法读取 SVG 文件 %1：请检查它是否为有效的 SVG 图像。</translation>
    </message>
    <message>
        <source>The image file %1 cannot be read (%2): save it as PNG, JPEG or SVG.</source>
        <translation>无法读取图像文件 %1（%2）：请另存为 PNG、JPEG 或 SVG。</translation>
    </message>
    <message>
        <source>Patch no.</source>
        <translation>图斑编号</translation>
    </message>
    <message>
        <source>County code</source>
        <translation>行政区代码</translation>
    </message>
    <message>
        <source>Village code</source>
        <translation>坐落单位代码</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>坐落单位名称</translation>
    </message>
    <message>
        <source>Before date</source>
        <translation>前时相</translation>
    </message>
    <message>
        <source>After date</source>
        <translation>后时相</translation>
    </message>
    <message>
        <source>Land use before</source>
        <translation>前地类</translation>
    </message>
    <message>
        <source>Land use after</source>
        <translation>后地类</translation>
    </message>
    <message>
        <source>Change type</source>
        <translation>变化类型</translation>
    </message>
    <message>
        <source>Sub-type</source>
        <translation>变化子类</translation>
    </message>
    <message>
        <source>Area (m²)</source>
        <translation>面积(平方米)</translation>
    </message>
    <message>
        <source>Area (mu)</source>
        <translation>面积(亩)</translation>
    </message>
    <message>
        <source>In basic farmland</source>
        <translation>是否占用永久基本农田</translation>
    </message>
    <message>
        <source>Basic farmland area (m²)</source>
        <translation>占用永久基本农田面积(平方米)</translation>
    </message>
    <message>
        <source>In ecological red line</source>
        <translation>是否涉及生态保护红线</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>置信度</translation>
    </message>
    <message>
        <source>Verification result</source>
        <translation>核查结果</translation>
    </message>
    <message>
        <source>Land-use code</source>
        <translation>地类编码</translation>
    </message>
    <message>
        <source>Land-use name</source>
        <translation>地类名称</translation>
    </message>
    <message>
        <source>Parcel no.</source>
        <translation>图斑编号</translation>
    </message>
    <message>
        <source>Parcel area (m²)</source>
        <translation>图斑面积(平方米)</translation>
    </message>
    <message>
        <source>building / hardened ground</source>
        <translation>建筑 / 硬化地面</translation>
    </message>
    <message>
        <source>road</source>
        <translation>道路</translation>
    </message>
    <message>
        <source>pond</source>
        <translation>坑塘</translation>
    </message>
    <message>
        <source>orchard / forest</source>
        <translation>园地 / 林地</translation>
    </message>
    <message>
        <source>bare soil / earth moving</source>
        <translation>裸土 / 推土</translation>
    </message>
    <message>
        <source>other change</source>
        <translation>其他变化</translation>
    </message>
    <message>
        <source>Patches</source>
        <translation>图斑个数</translation>
    </message>
    <message>
        <source>Of which basic farmland (mu)</source>
        <translation>其中永久基本农田(亩)</translation>
    </message>
    <message>
        <source>No change patches</source>
        <translation>无变化图斑</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>No features</source>
        <translation>无要素</translation>
    </message>
    <message>
        <source>… %1 in all</source>
        <translation>…共 %1 条</translation>
    </message>
    <message>
        <source>Image: %1</source>
        <translation>影像：%1</translation>
    </message>
</context>
<context>
    <name>onemap-cli</name>
    <message>
        <source>onemap-cli: error: %1</source>
        <translation>onemap-cli: 错误: %1</translation>
    </message>
    <message>
        <source>Describe a raster or vector file: CRS, extent, bands and roles, layers, fields, areas</source>
        <translation>描述栅格或矢量文件: 坐标系、范围、波段及角色、图层、字段、面积</translation>
    </message>
    <message>
        <source>Usage: onemap-cli COMMAND [OPTIONS] (onemap-cli COMMAND --help for its options)</source>
        <translation>用法: onemap-cli 命令 [选项] (onemap-cli 命令 --help 查看其选项)</translation>
    </message>
    <message>
        <source>Commands:</source>
        <translation>命令:</translation>
    </message>
    <message>
        <source>onemap-cli: unknown command '%1'</source>
        <translation>onemap-cli: 未知命令 '%1'</translation>
    </message>
    <message>
        <source>Generate the synthetic sample county (imagery, land use, truth, thematic layers, project)</source>
        <translation>生成模拟示例县 (影像、地类、真值、专题图层、工程)</translation>
    </message>
    <message>
        <source>Find 非农化 / 非粮化 change patches between two image dates on cropland</source>
        <translation>在耕地上查找两期影像之间的非农化/非粮化变化图斑</translation>
    </message>
    <message>
        <source>Score detected change patches against truth polygons or a reference raster (precision, recall, F1, IoU)</source>
        <translation>对照真值面图层或参考栅格评价检测到的变化图斑 (精确率、召回率、F1、IoU)</translation>
    </message>
    <message>
        <source>Export a map sheet (layout) of a project to PDF, PNG or GeoTIFF</source>
        <translation>将项目的地图图幅（版式）导出为 PDF、PNG 或 GeoTIFF</translation>
    </message>
    <message>
        <source>Export one map sheet per village (一村一图) as files or one multi-page PDF</source>
        <translation>按行政村逐村导出图幅（一村一图），每村一个文件或一个多页 PDF</translation>
    </message>
</context>
<context>
    <name>onemap::designer::AtlasExportDialog</name>
    <message>
        <source>One multi-page PDF file</source>
        <translation>一个多页 PDF 文件</translation>
    </message>
    <message>
        <source>Replace existing files</source>
        <translation>替换已有文件</translation>
    </message>
    <message>
        <source>Export Atlas</source>
        <translation>导出图集</translation>
    </message>
    <message>
        <source>PDF</source>
        <translation>PDF</translation>
    </message>
    <message>
        <source>PNG image (georeferenced)</source>
        <translation>PNG 图像（带地理参考）</translation>
    </message>
    <message>
        <source>GeoTIFF</source>
        <translation>GeoTIFF</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>分辨率</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>optional, e.g. ZLDWDM LIKE '320115101%'</source>
        <translation>可选，例如 ZLDWDM LIKE '320115101%'</translation>
    </message>
    <message>
        <source>Only features matching</source>
        <translation>仅导出符合条件的要素</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>the PDF file</source>
        <translation>PDF 文件</translation>
    </message>
    <message>
        <source>a folder for one file per feature</source>
        <translation>文件夹（每个要素一个文件）</translation>
    </message>
    <message>
        <source>Export Atlas to PDF</source>
        <translation>导出图集为 PDF</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Folder for the Atlas Sheets</source>
        <translation>图集图幅的输出文件夹</translation>
    </message>
</context>
<context>
    <name>onemap::designer::AtlasPanel</name>
    <message>
        <source>Generate an atlas (one sheet per feature)</source>
        <translation>生成图集（每个要素一幅图）</translation>
    </message>
    <message>
        <source>Dim the map outside the feature</source>
        <translation>淡化要素范围以外的地图</translation>
    </message>
    <message>
        <source>Preview Atlas</source>
        <translation>预览图集</translation>
    </message>
    <message>
        <source>◀ Previous</source>
        <translation>◀ 上一幅</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>下一幅 ▶</translation>
    </message>
    <message>
        <source>Coverage</source>
        <translation>覆盖图层</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>图层</translation>
    </message>
    <message>
        <source>OGR SQL, e.g. ZLDWDM LIKE '320115101%'</source>
        <translation>OGR SQL，例如 ZLDWDM LIKE '320115101%'</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>筛选条件</translation>
    </message>
    <message>
        <source>Name field</source>
        <translation>名称字段</translation>
    </message>
    <message>
        <source>Code field (sort order)</source>
        <translation>代码字段（排序）</translation>
    </message>
    <message>
        <source>Map frame</source>
        <translation>地图框</translation>
    </message>
    <message>
        <source>Margin around the feature</source>
        <translation>要素周边留白</translation>
    </message>
    <message>
        <source>File names</source>
        <translation>文件名</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>(main map)</source>
        <translation>（主图）</translation>
    </message>
    <message>
        <source>Change Atlas Settings</source>
        <translation>修改图集设置</translation>
    </message>
    <message>
        <source>No feature matches the atlas settings.</source>
        <translation>没有符合图集设置的要素。</translation>
    </message>
    <message>
        <source>Sheet %1 of %2</source>
        <translation>第 %1 幅，共 %2 幅</translation>
    </message>
</context>
<context>
    <name>onemap::designer::DesignerController</name>
    <message>
        <source>&amp;Map Sheets</source>
        <translation>地图输出(&amp;M)</translation>
    </message>
    <message>
        <source>New Village Map Sheet (一村一图)…</source>
        <translation>新建一村一图…</translation>
    </message>
    <message>
        <source>New Layout…</source>
        <translation>新建布局…</translation>
    </message>
    <message>
        <source>Layout Manager…</source>
        <translation>布局管理器…</translation>
    </message>
    <message>
        <source>Layouts</source>
        <translation>布局</translation>
    </message>
    <message>
        <source>Layout</source>
        <translation>布局</translation>
    </message>
    <message>
        <source>There is no layout “%1”.</source>
        <translation>没有名为“%1”的布局。</translation>
    </message>
    <message>
        <source>A layout needs a name.</source>
        <translation>布局需要一个名称。</translation>
    </message>
    <message>
        <source>A layout named “%1” exists already.</source>
        <translation>名为“%1”的布局已存在。</translation>
    </message>
    <message>
        <source>New Village Map Sheet</source>
        <translation>新建一村一图</translation>
    </message>
    <message>
        <source>Open a project with village boundaries (CJDCQ) first.</source>
        <translation>请先打开含有村级调查区（CJDCQ）的工程。</translation>
    </message>
    <message>
        <source>Village Map Sheet</source>
        <translation>一村一图</translation>
    </message>
    <message>
        <source>Layout name:</source>
        <translation>布局名称：</translation>
    </message>
</context>
<context>
    <name>onemap::designer::DesignerView</name>
    <message>
        <source>Move Items</source>
        <translation>移动图元</translation>
    </message>
    <message>
        <source>Resize Item</source>
        <translation>调整图元大小</translation>
    </message>
    <message>
        <source>Nudge Items</source>
        <translation>微移图元</translation>
    </message>
    <message>
        <source>Ctrl+Enter or click outside to apply, Esc to cancel</source>
        <translation>Ctrl+Enter 或点击外部应用，Esc 取消</translation>
    </message>
    <message>
        <source>Edit Label Text</source>
        <translation>编辑文本</translation>
    </message>
</context>
<context>
    <name>onemap::designer::DesignerWindow</name>
    <message>
        <source>x %1 mm  y %2 mm</source>
        <translation>x %1 毫米  y %2 毫米</translation>
    </message>
    <message>
        <source>Zoom %1 %</source>
        <translation>缩放 %1 %</translation>
    </message>
    <message>
        <source>%1 — Layout Designer</source>
        <translation>%1 — 布局设计器</translation>
    </message>
    <message>
        <source>&lt;original layout&gt;</source>
        <translation>&lt;原始布局&gt;</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>图元</translation>
    </message>
    <message>
        <source>Item Properties</source>
        <translation>图元属性</translation>
    </message>
    <message>
        <source>Atlas</source>
        <translation>图集</translation>
    </message>
    <message>
        <source>Undo History</source>
        <translation>撤销历史</translation>
    </message>
    <message>
        <source>&amp;Layout</source>
        <translation>布局(&amp;L)</translation>
    </message>
    <message>
        <source>Page Setup…</source>
        <translation>页面设置…</translation>
    </message>
    <message>
        <source>Export as PDF…</source>
        <translation>导出为 PDF…</translation>
    </message>
    <message>
        <source>Export as PNG…</source>
        <translation>导出为 PNG…</translation>
    </message>
    <message>
        <source>Export as GeoTIFF…</source>
        <translation>导出为 GeoTIFF…</translation>
    </message>
    <message>
        <source>Export Atlas…</source>
        <translation>导出图集…</translation>
    </message>
    <message>
        <source>Save as Template…</source>
        <translation>另存为模板…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <source>Cut</source>
        <translation>剪切</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Paste</source>
        <translation>粘贴</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>创建副本</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>全选</translation>
    </message>
    <message>
        <source>Deselect All</source>
        <translation>取消全选</translation>
    </message>
    <message>
        <source>&amp;Items</source>
        <translation>图元(&amp;I)</translation>
    </message>
    <message>
        <source>Select and Move</source>
        <translation>选择和移动</translation>
    </message>
    <message>
        <source>Add %1</source>
        <translation>添加%1</translation>
    </message>
    <message>
        <source>Add %1: drag a rectangle on the page</source>
        <translation>添加%1：在页面上拖出一个矩形</translation>
    </message>
    <message>
        <source>Align</source>
        <translation>对齐</translation>
    </message>
    <message>
        <source>Align Left</source>
        <translation>左对齐</translation>
    </message>
    <message>
        <source>Align Centre</source>
        <translation>水平居中</translation>
    </message>
    <message>
        <source>Align Right</source>
        <translation>右对齐</translation>
    </message>
    <message>
        <source>Align Top</source>
        <translation>顶端对齐</translation>
    </message>
    <message>
        <source>Align Middle</source>
        <translation>垂直居中</translation>
    </message>
    <message>
        <source>Align Bottom</source>
        <translation>底端对齐</translation>
    </message>
    <message>
        <source>Distribute</source>
        <translation>分布</translation>
    </message>
    <message>
        <source>Distribute Horizontally</source>
        <translation>水平等距分布</translation>
    </message>
    <message>
        <source>Distribute Vertically</source>
        <translation>垂直等距分布</translation>
    </message>
    <message>
        <source>Raise</source>
        <translation>上移一层</translation>
    </message>
    <message>
        <source>Lower</source>
        <translation>下移一层</translation>
    </message>
    <message>
        <source>Bring to Front</source>
        <translation>置于顶层</translation>
    </message>
    <message>
        <source>Send to Back</source>
        <translation>置于底层</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>锁定</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <source>Set Map Extent from Main Map Canvas</source>
        <translation>按主地图窗口设置地图范围</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>View</source>
        <translation>视图</translation>
    </message>
    <message>
        <source>Zoom In</source>
        <translation>放大</translation>
    </message>
    <message>
        <source>Zoom Out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <source>Fit Page</source>
        <translation>适合页面</translation>
    </message>
    <message>
        <source>Actual Size (100 %)</source>
        <translation>实际大小 (100 %)</translation>
    </message>
    <message>
        <source>Snap to Millimetre Grid</source>
        <translation>吸附到毫米网格</translation>
    </message>
    <message>
        <source>Snap to Item Edges</source>
        <translation>吸附到图元边缘</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n Item(s)</source>
        <translation>
            <numerusform>删除 %n 个图元</numerusform>
        </translation>
    </message>
    <message>
        <source>Paste Items</source>
        <translation>粘贴图元</translation>
    </message>
    <message>
        <source>Duplicate Items</source>
        <translation>创建图元副本</translation>
    </message>
    <message>
        <source>Align Items</source>
        <translation>对齐图元</translation>
    </message>
    <message>
        <source>Distribute Items</source>
        <translation>分布图元</translation>
    </message>
    <message>
        <source>Raise Items</source>
        <translation>上移图元</translation>
    </message>
    <message>
        <source>Lower Items</source>
        <translation>下移图元</translation>
    </message>
    <message>
        <source>Lock Items</source>
        <translation>锁定图元</translation>
    </message>
    <message>
        <source>Unlock Items</source>
        <translation>解锁图元</translation>
    </message>
    <message>
        <source>The map frame's extent is locked.</source>
        <translation>该地图框的范围已锁定。</translation>
    </message>
    <message>
        <source>Set Map Extent from Canvas</source>
        <translation>按地图窗口设置范围</translation>
    </message>
    <message>
        <source>Page Setup</source>
        <translation>页面设置</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <source>GeoTIFF (*.tif *.tiff)</source>
        <translation>GeoTIFF (*.tif *.tiff)</translation>
    </message>
    <message>
        <source>Export Sheet</source>
        <translation>导出图幅</translation>
    </message>
    <message>
        <source>Resolution (DPI):</source>
        <translation>分辨率（DPI）：</translation>
    </message>
    <message>
        <source>Export Atlas</source>
        <translation>导出图集</translation>
    </message>
    <message>
        <source>Choose a coverage layer in the Atlas panel first.</source>
        <translation>请先在“图集”面板中选择覆盖图层。</translation>
    </message>
    <message>
        <source>Choose a folder (or a PDF file) to export to.</source>
        <translation>请选择导出的文件夹（或 PDF 文件）。</translation>
    </message>
    <message>
        <source>Save Layout as Template</source>
        <translation>将布局另存为模板</translation>
    </message>
    <message>
        <source>OneMap layout templates (*.onemap-layout)</source>
        <translation>OneMap 布局模板 (*.onemap-layout)</translation>
    </message>
    <message>
        <source>Save as Template</source>
        <translation>另存为模板</translation>
    </message>
    <message>
        <source>Template saved to %1</source>
        <translation>模板已保存到 %1</translation>
    </message>
</context>
<context>
    <name>onemap::designer::ExportRunner</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Exporting %1…</source>
        <translation>正在导出 %1…</translation>
    </message>
    <message>
        <source>Exporting the atlas to %1…</source>
        <translation>正在导出图集到 %1…</translation>
    </message>
    <message>
        <source>Atlas Export</source>
        <translation>图集导出</translation>
    </message>
    <message numerus="yes">
        <source>%n sheet(s) failed</source>
        <translation>
            <numerusform>%n 幅失败</numerusform>
        </translation>
    </message>
    <message>
        <source>Export Failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>The sheet was written to %1.</source>
        <translation>图幅已写入 %1。</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
</context>
<context>
    <name>onemap::designer::ItemList</name>
    <message>
        <source>Item</source>
        <translation>图元</translation>
    </message>
    <message>
        <source>Visible</source>
        <translation>可见</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>锁定</translation>
    </message>
    <message>
        <source>Show Item</source>
        <translation>显示图元</translation>
    </message>
    <message>
        <source>Hide Item</source>
        <translation>隐藏图元</translation>
    </message>
    <message>
        <source>Lock Item</source>
        <translation>锁定图元</translation>
    </message>
    <message>
        <source>Unlock Item</source>
        <translation>解锁图元</translation>
    </message>
    <message>
        <source>Rename Item</source>
        <translation>重命名图元</translation>
    </message>
</context>
<context>
    <name>onemap::designer::LayoutDocument</name>
    <message>
        <source>Change %1</source>
        <translation>修改 %1</translation>
    </message>
</context>
<context>
    <name>onemap::designer::LayoutManagerDialog</name>
    <message>
        <source>Layout Manager</source>
        <translation>布局管理器</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>创建副本</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>重命名…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Import Template…</source>
        <translation>导入模板…</translation>
    </message>
    <message>
        <source>Save as Template…</source>
        <translation>另存为模板…</translation>
    </message>
    <message>
        <source>Rename Layout</source>
        <translation>重命名布局</translation>
    </message>
    <message>
        <source>New name:</source>
        <translation>新名称：</translation>
    </message>
    <message>
        <source>Delete Layout</source>
        <translation>删除布局</translation>
    </message>
    <message>
        <source>Delete the layout “%1” from the project?</source>
        <translation>从工程中删除布局“%1”？</translation>
    </message>
    <message>
        <source>Import Layout Template</source>
        <translation>导入布局模板</translation>
    </message>
    <message>
        <source>OneMap layout templates (*.onemap-layout)</source>
        <translation>OneMap 布局模板 (*.onemap-layout)</translation>
    </message>
    <message>
        <source>Save Layout as Template</source>
        <translation>将布局另存为模板</translation>
    </message>
    <message>
        <source>Save as Template</source>
        <translation>另存为模板</translation>
    </message>
</context>
<context>
    <name>onemap::designer::PageSetupDialog</name>
    <message>
        <source>Portrait</source>
        <translation>纵向</translation>
    </message>
    <message>
        <source>Landscape</source>
        <translation>横向</translation>
    </message>
    <message>
        <source>New Layout</source>
        <translation>新建布局</translation>
    </message>
    <message>
        <source>Page Setup</source>
        <translation>页面设置</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>自定义</translation>
    </message>
    <message>
        <source>Paper</source>
        <translation>纸张</translation>
    </message>
    <message>
        <source>Orientation</source>
        <translation>方向</translation>
    </message>
    <message>
        <source>Width</source>
        <translation>宽度</translation>
    </message>
    <message>
        <source>Height</source>
        <translation>高度</translation>
    </message>
    <message>
        <source>Export resolution</source>
        <translation>导出分辨率</translation>
    </message>
</context>
<context>
    <name>onemap::designer::PropertyPanel</name>
    <message numerus="yes">
        <source>%n items selected.</source>
        <translation>
            <numerusform>已选择 %n 个图元。</numerusform>
        </translation>
    </message>
    <message>
        <source>Select an item on the page to edit its properties.</source>
        <translation>在页面上选择一个图元以编辑其属性。</translation>
    </message>
    <message>
        <source>Properties</source>
        <translation>属性</translation>
    </message>
    <message>
        <source>Frame and background</source>
        <translation>边框和背景</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Rename Item</source>
        <translation>重命名图元</translation>
    </message>
    <message>
        <source>X</source>
        <translation>X</translation>
    </message>
    <message>
        <source>Y</source>
        <translation>Y</translation>
    </message>
    <message>
        <source>Width</source>
        <translation>宽度</translation>
    </message>
    <message>
        <source>Height</source>
        <translation>高度</translation>
    </message>
    <message>
        <source>Rotation</source>
        <translation>旋转</translation>
    </message>
    <message>
        <source>Rotate Item</source>
        <translation>旋转图元</translation>
    </message>
    <message>
        <source>Move or Resize Item</source>
        <translation>移动或调整图元</translation>
    </message>
    <message>
        <source>Visible</source>
        <translation>可见</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>锁定</translation>
    </message>
    <message>
        <source>Show Item</source>
        <translation>显示图元</translation>
    </message>
    <message>
        <source>Hide Item</source>
        <translation>隐藏图元</translation>
    </message>
    <message>
        <source>Lock Item</source>
        <translation>锁定图元</translation>
    </message>
    <message>
        <source>Unlock Item</source>
        <translation>解锁图元</translation>
    </message>
    <message>
        <source>(default)</source>
        <translation>（默认）</translation>
    </message>
    <message>
        <source>Variables: {village_name} {village_code} {date} {date_cn} {scale} {crs_name} {project_title} {page} {field:NAME}</source>
        <translation>变量：{village_name} {village_code} {date} {date_cn} {scale} {crs_name} {project_title} {page} {field:NAME}</translation>
    </message>
    <message>
        <source>Fit the extent</source>
        <translation>适合范围</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>(not an overview)</source>
        <translation>（非位置示意图）</translation>
    </message>
    <message>
        <source>(main map)</source>
        <translation>（主图）</translation>
    </message>
    <message>
        <source>The project's visible layers</source>
        <translation>工程中的可见图层</translation>
    </message>
    <message>
        <source>(built-in)</source>
        <translation>（内置）</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Choose Image</source>
        <translation>选择图片</translation>
    </message>
    <message>
        <source>Images (*.svg *.png *.jpg *.jpeg *.bmp *.gif)</source>
        <translation>图片 (*.svg *.png *.jpg *.jpeg *.bmp *.gif)</translation>
    </message>
    <message>
        <source>Set Extent from Main Map Canvas</source>
        <translation>按主地图窗口设置范围</translation>
    </message>
    <message>
        <source>Show Extent in Main Map</source>
        <translation>在主地图中显示范围</translation>
    </message>
    <message>
        <source>Set Map Extent from Canvas</source>
        <translation>按地图窗口设置范围</translation>
    </message>
</context>
<context>
    <name>onemap::gui::AttributeTableDock</name>
    <message>
        <source>Attribute Table</source>
        <translation>属性表</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Open &amp;Attribute Table</source>
        <translation>打开属性表(&amp;A)</translation>
    </message>
    <message>
        <source>Layer:</source>
        <translation>图层：</translation>
    </message>
    <message>
        <source>Filter: text, or FIELD = value, FIELD &gt; 100</source>
        <translation>筛选：文本，或 字段 = 值、字段 &gt; 100</translation>
    </message>
    <message>
        <source>Type text to keep rows containing it in any field, or an expression such as DLBM = 0101, TBMJ &gt; 1000, DLMC != 旱地 (operators = != &gt; &gt;= &lt; &lt;=)</source>
        <translation>输入文本以保留任一字段包含该文本的行，或输入表达式，如 DLBM = 0101、TBMJ &gt; 1000、DLMC != 旱地（运算符 = != &gt; &gt;= &lt; &lt;=）</translation>
    </message>
    <message>
        <source>Zoom to Selection</source>
        <translation>缩放至所选要素</translation>
    </message>
    <message>
        <source>Clear Selection</source>
        <translation>清除选择</translation>
    </message>
    <message>
        <source>Select rows to select the features on the map; double-click a row to zoom to it</source>
        <translation>选择行即在地图上选中要素；双击行缩放至该要素</translation>
    </message>
    <message>
        <source>Show the features of a vector layer as a table</source>
        <translation>以表格显示矢量图层的要素</translation>
    </message>
    <message>
        <source>Loading canceled.</source>
        <translation>已取消加载。</translation>
    </message>
    <message>
        <source>Cannot read the attributes: %1</source>
        <translation>无法读取属性：%1</translation>
    </message>
    <message>
        <source>The project has no vector layer: add one with File ▸ Add Layer.</source>
        <translation>项目中没有矢量图层：请通过“文件 ▸ 添加图层”添加。</translation>
    </message>
    <message>
        <source>Attribute Table — %1</source>
        <translation>属性表 — %1</translation>
    </message>
    <message>
        <source>Reading the features of %1…</source>
        <translation>正在读取 %1 的要素…</translation>
    </message>
    <message>
        <source>%1 features, %2 shown, %3 selected</source>
        <translation>共 %1 个要素，显示 %2 个，已选 %3 个</translation>
    </message>
</context>
<context>
    <name>onemap::gui::BookmarksDock</name>
    <message>
        <source>Bookmarks</source>
        <translation>书签</translation>
    </message>
    <message>
        <source>New &amp;Bookmark…</source>
        <translation>新建书签(&amp;B)…</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Save the current view as a bookmark</source>
        <translation>将当前视图保存为书签</translation>
    </message>
    <message>
        <source>Go To</source>
        <translation>转到</translation>
    </message>
    <message>
        <source>Zoom to the selected bookmark</source>
        <translation>缩放至所选书签</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>重命名</translation>
    </message>
    <message>
        <source>Rename the selected bookmark</source>
        <translation>重命名所选书签</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Delete the selected bookmark</source>
        <translation>删除所选书签</translation>
    </message>
    <message>
        <source>Double-click a bookmark to go there</source>
        <translation>双击书签即可转到该处</translation>
    </message>
    <message>
        <source>Save the current view as a named bookmark (stored in the project)</source>
        <translation>将当前视图保存为命名书签（保存在项目中）</translation>
    </message>
    <message>
        <source>Bookmarks Panel</source>
        <translation>书签面板</translation>
    </message>
    <message>
        <source>Bookmark %1</source>
        <translation>书签 %1</translation>
    </message>
    <message>
        <source>New Bookmark</source>
        <translation>新建书签</translation>
    </message>
    <message>
        <source>Open a project or add a layer first: there is no view to save.</source>
        <translation>请先打开项目或添加图层：当前没有可保存的视图。</translation>
    </message>
    <message>
        <source>Name of the bookmark:</source>
        <translation>书签名称：</translation>
    </message>
    <message>
        <source>X %1 – %2, Y %3 – %4</source>
        <translation>X %1 – %2，Y %3 – %4</translation>
    </message>
</context>
<context>
    <name>onemap::gui::ColorButton</name>
    <message>
        <source>Choose a Colour</source>
        <translation>选择颜色</translation>
    </message>
</context>
<context>
    <name>onemap::gui::CompareController</name>
    <message>
        <source>S&amp;wipe</source>
        <translation>卷帘(&amp;W)</translation>
    </message>
    <message>
        <source>Swipe: show one image left of a divider you drag over the map (O flips the divider)</source>
        <translation>卷帘：在可拖动分隔线的左侧显示一幅影像（按 O 切换分隔线方向）</translation>
    </message>
    <message>
        <source>Swipe &amp;Layer</source>
        <translation>卷帘图层(&amp;L)</translation>
    </message>
    <message>
        <source>Side-by-Side &amp;View</source>
        <translation>双屏联动对比(&amp;V)</translation>
    </message>
    <message>
        <source>Two linked maps side by side, e.g. the earlier image left and the later one right</source>
        <translation>两幅联动地图并排显示，例如左侧前期影像、右侧后期影像</translation>
    </message>
    <message>
        <source>Swipe needs a raster layer: add the images of the two dates first.</source>
        <translation>卷帘需要栅格图层：请先添加两期影像。</translation>
    </message>
    <message>
        <source>Drag the divider to compare; O flips it, right-click chooses the layer, Esc stops.</source>
        <translation>拖动分隔线进行对比；按 O 切换方向，右键选择图层，按 Esc 结束。</translation>
    </message>
    <message>
        <source>(no raster layers)</source>
        <translation>（没有栅格图层）</translation>
    </message>
</context>
<context>
    <name>onemap::gui::CoordinateStatus</name>
    <message>
        <source>Longitude and latitude (CGCS2000). Click to switch between decimal degrees and degrees-minutes-seconds.</source>
        <translation>经纬度（CGCS2000）。单击可在十进制度与度分秒之间切换。</translation>
    </message>
    <message>
        <source>Cursor position in the map coordinate system</source>
        <translation>光标在地图坐标系中的位置</translation>
    </message>
    <message>
        <source>Map coordinate system (layers in other systems are reprojected to it)</source>
        <translation>地图坐标系（其他坐标系的图层将实时投影到此坐标系）</translation>
    </message>
    <message>
        <source>No CRS</source>
        <translation>无坐标系</translation>
    </message>
    <message>
        <source>Unknown CRS</source>
        <translation>未知坐标系</translation>
    </message>
    <message>
        <source>X %1  Y %2</source>
        <translation>X %1  Y %2</translation>
    </message>
    <message>
        <source>Scale 1:%1</source>
        <translation>比例尺 1:%1</translation>
    </message>
</context>
<context>
    <name>onemap::gui::CrsDialog</name>
    <message>
        <source>Project Coordinate System</source>
        <translation>工程坐标系</translation>
    </message>
    <message>
        <source>Search: EPSG code, name, central meridian (e.g. 4549, 120, 高斯)</source>
        <translation>搜索：EPSG 代码、名称、中央经线（如 4549、120、高斯）</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Chinese name</source>
        <translation>中文名称</translation>
    </message>
    <message>
        <source>CGCS2000 geographic (longitude/latitude)</source>
        <translation>CGCS2000 地理坐标系（经纬度）</translation>
    </message>
    <message>
        <source>CGCS2000 3° Gauss–Krüger, by central meridian</source>
        <translation>CGCS2000 3度带高斯-克吕格投影（按中央经线）</translation>
    </message>
    <message>
        <source>CGCS2000 3° Gauss–Krüger, zone number in the easting</source>
        <translation>CGCS2000 3度带高斯-克吕格投影（横坐标含带号）</translation>
    </message>
    <message>
        <source>CGCS2000 6° Gauss–Krüger</source>
        <translation>CGCS2000 6度带高斯-克吕格投影</translation>
    </message>
    <message>
        <source>WGS 84 and UTM</source>
        <translation>WGS 84 与 UTM</translation>
    </message>
    <message>
        <source>Same as layer</source>
        <translation>与图层相同</translation>
    </message>
    <message>
        <source>(unnamed)</source>
        <translation>（未命名）</translation>
    </message>
    <message>
        <source>Choose the coordinate system all layers are drawn in; layers in other systems are reprojected on the fly.</source>
        <translation>选择所有图层的显示坐标系；其他坐标系的图层将实时重投影。</translation>
    </message>
    <message>
        <source>%1
Units: %2. %3</source>
        <translation>%1
单位：%2。%3</translation>
    </message>
</context>
<context>
    <name>onemap::gui::CsvLayerDialog</name>
    <message>
        <source>%1: cannot write the column types (%2). Check that the folder is writable.</source>
        <translation>%1：无法写入列类型（%2）。请检查文件夹是否可写。</translation>
    </message>
    <message>
        <source>&amp;Point coordinates in two columns</source>
        <translation>点坐标位于两列中(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Geometry as WKT text in one column</source>
        <translation>几何以 WKT 文本位于一列中(&amp;G)</translation>
    </message>
    <message>
        <source>CSV Geometry Columns</source>
        <translation>CSV 几何列</translation>
    </message>
    <message>
        <source>OneMap did not recognise the geometry columns of “%1”. Choose them:</source>
        <translation>OneMap 未能识别“%1”的几何列，请选择：</translation>
    </message>
    <message>
        <source>&amp;X (easting / longitude):</source>
        <translation>&amp;X（东坐标/经度）：</translation>
    </message>
    <message>
        <source>&amp;Y (northing / latitude):</source>
        <translation>&amp;Y（北坐标/纬度）：</translation>
    </message>
    <message>
        <source>&amp;WKT column:</source>
        <translation>&amp;WKT 列：</translation>
    </message>
    <message>
        <source>Your choice is saved as “%1” beside the CSV (the CSV itself is not changed), so it opens the same way next time. CSV files carry no coordinate system: the coordinates are taken to be in the project's.</source>
        <translation>您的选择将保存为 CSV 旁的“%1”（CSV 文件本身不会改动），下次将以相同方式打开。CSV 文件不含坐标系：其坐标视为工程坐标系。</translation>
    </message>
    <message>
        <source>Cannot add the layer</source>
        <translation>无法添加图层</translation>
    </message>
</context>
<context>
    <name>onemap::gui::IdentifyDock</name>
    <message>
        <source>Identify Results</source>
        <translation>识别结果</translation>
    </message>
    <message>
        <source>&amp;Identify Features</source>
        <translation>识别要素(&amp;I)</translation>
    </message>
    <message>
        <source>Click on the map with the Identify tool to see what is there.</source>
        <translation>使用识别工具单击地图，查看该处的内容。</translation>
    </message>
    <message>
        <source>Feature / field</source>
        <translation>要素 / 字段</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Identify: click a place to see band values and feature attributes</source>
        <translation>识别：单击某处查看波段值和要素属性</translation>
    </message>
    <message>
        <source>Identifying at X %1  Y %2…</source>
        <translation>正在识别 X %1  Y %2…</translation>
    </message>
    <message>
        <source>X %1  Y %2</source>
        <translation>X %1  Y %2</translation>
    </message>
    <message>
        <source>%1: nothing found in the visible layers.</source>
        <translation>%1：可见图层中未找到任何内容。</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Pixel</source>
        <translation>像元</translation>
    </message>
    <message>
        <source>column %1, row %2</source>
        <translation>列 %1，行 %2</translation>
    </message>
    <message>
        <source>Band %1</source>
        <translation>波段 %1</translation>
    </message>
    <message>
        <source>Band %1 (%2)</source>
        <translation>波段 %1（%2）</translation>
    </message>
    <message>
        <source>no data (%1)</source>
        <translation>无数据（%1）</translation>
    </message>
    <message>
        <source>no data</source>
        <translation>无数据</translation>
    </message>
    <message>
        <source>Feature %1</source>
        <translation>要素 %1</translation>
    </message>
    <message>
        <source>Copy Value</source>
        <translation>复制值</translation>
    </message>
    <message>
        <source>Zoom to Feature</source>
        <translation>缩放至要素</translation>
    </message>
    <message>
        <source>Select Feature</source>
        <translation>选择要素</translation>
    </message>
</context>
<context>
    <name>onemap::gui::LayerChooserDialog</name>
    <message>
        <source>Choose Layers</source>
        <translation>选择图层</translation>
    </message>
    <message>
        <source>“%1” holds %2 layer(s). Tick the ones to add:</source>
        <translation>“%1”包含 %2 个图层。请勾选要添加的图层：</translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation>全选(&amp;A)</translation>
    </message>
    <message>
        <source>Select &amp;None</source>
        <translation>全不选(&amp;N)</translation>
    </message>
</context>
<context>
    <name>onemap::gui::LayerInfoPage</name>
    <message>
        <source>Source:</source>
        <translation>数据源：</translation>
    </message>
    <message>
        <source>File size:</source>
        <translation>文件大小：</translation>
    </message>
    <message>
        <source>none — assign one before measuring or overlaying</source>
        <translation>无 — 量测或叠加前请先指定坐标系</translation>
    </message>
    <message>
        <source>not recognised</source>
        <translation>无法识别</translation>
    </message>
    <message>
        <source>Problem:</source>
        <translation>问题：</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>格式：</translation>
    </message>
    <message>
        <source>Coordinate system:</source>
        <translation>坐标系：</translation>
    </message>
    <message>
        <source>Size:</source>
        <translation>大小：</translation>
    </message>
    <message>
        <source>%L1 × %L2 pixels, %3 bands</source>
        <translation>%L1 × %L2 像素，%3 个波段</translation>
    </message>
    <message>
        <source>Pixel size:</source>
        <translation>像元大小：</translation>
    </message>
    <message>
        <source>Extent:</source>
        <translation>范围：</translation>
    </message>
    <message>
        <source>Overviews:</source>
        <translation>金字塔：</translation>
    </message>
    <message>
        <source>none (drawing zoomed out is slow)</source>
        <translation>无（缩小显示时较慢）</translation>
    </message>
    <message>
        <source>Compression:</source>
        <translation>压缩：</translation>
    </message>
    <message>
        <source>Band %1: %2</source>
        <translation>波段 %1：%2</translation>
    </message>
    <message>
        <source>Bands:</source>
        <translation>波段：</translation>
    </message>
    <message>
        <source>Layer:</source>
        <translation>图层：</translation>
    </message>
    <message>
        <source>Geometry:</source>
        <translation>几何类型：</translation>
    </message>
    <message>
        <source>Features:</source>
        <translation>要素数：</translation>
    </message>
    <message>
        <source>Attribute encoding:</source>
        <translation>属性编码：</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Fields:</source>
        <translation>字段：</translation>
    </message>
</context>
<context>
    <name>onemap::gui::LayerTreeDock</name>
    <message>
        <source>Layers</source>
        <translation>图层</translation>
    </message>
    <message>
        <source>&amp;Zoom to Layer</source>
        <translation>缩放到图层(&amp;Z)</translation>
    </message>
    <message>
        <source>Re&amp;name…</source>
        <translation>重命名(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Remove Layer…</source>
        <translation>移除图层(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Opacity…</source>
        <translation>不透明度(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Move to Group…</source>
        <translation>移到分组(&amp;M)…</translation>
    </message>
    <message>
        <source>New &amp;Group…</source>
        <translation>新建分组(&amp;G)…</translation>
    </message>
    <message>
        <source>&amp;Properties / Style…</source>
        <translation>属性/样式(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Zoom to Group</source>
        <translation>缩放到分组(&amp;Z)</translation>
    </message>
    <message>
        <source>&amp;Remove Group…</source>
        <translation>移除分组(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Remove Layers…</source>
        <translation>移除图层(&amp;R)…</translation>
    </message>
    <message>
        <source>The layer's extent is unknown (is its file missing?)</source>
        <translation>图层范围未知（数据文件是否缺失？）</translation>
    </message>
    <message>
        <source>Remove Layers</source>
        <translation>移除图层</translation>
    </message>
    <message>
        <source>Remove these layers from the project? Their files are not deleted.

%1</source>
        <translation>从工程中移除以下图层？数据文件不会被删除。

%1</translation>
    </message>
    <message>
        <source>Layer Opacity</source>
        <translation>图层不透明度</translation>
    </message>
    <message>
        <source>Opacity of %1:</source>
        <translation>%1 的不透明度：</translation>
    </message>
    <message>
        <source>%1 layers</source>
        <translation>%1 个图层</translation>
    </message>
    <message>
        <source>(top level)</source>
        <translation>（顶层）</translation>
    </message>
    <message>
        <source>Move to Group</source>
        <translation>移到分组</translation>
    </message>
    <message>
        <source>Group (type a new name, use / for a subgroup):</source>
        <translation>分组（可输入新名称，用 / 表示子分组）：</translation>
    </message>
    <message>
        <source>New Group</source>
        <translation>新建分组</translation>
    </message>
    <message>
        <source>Name of the new group:</source>
        <translation>新分组名称：</translation>
    </message>
    <message>
        <source>New group</source>
        <translation>新分组</translation>
    </message>
</context>
<context>
    <name>onemap::gui::LayerTreeModel</name>
    <message>
        <source>File not found: %1</source>
        <translation>找不到文件：%1</translation>
    </message>
</context>
<context>
    <name>onemap::gui::MeasureTool</name>
    <message>
        <source>Measure &amp;Distance</source>
        <translation>量测距离(&amp;D)</translation>
    </message>
    <message>
        <source>Measure a distance: click points, double-click to finish, Esc to clear</source>
        <translation>量测距离：单击添加点，双击结束，按 Esc 清除</translation>
    </message>
    <message>
        <source>Measure &amp;Area</source>
        <translation>量测面积(&amp;A)</translation>
    </message>
    <message>
        <source>Measure an area in m², 亩 and ha: click the corners, double-click to finish</source>
        <translation>以平方米、亩和公顷量测面积：单击各角点，双击结束</translation>
    </message>
    <message>
        <source>%1 m</source>
        <translation>%1 米</translation>
    </message>
    <message>
        <source>%1 km</source>
        <translation>%1 千米</translation>
    </message>
    <message>
        <source>%1 m² = %2 亩 = %3 ha</source>
        <translation>%1 平方米 = %2 亩 = %3 公顷</translation>
    </message>
    <message>
        <source>planar, %1 plane</source>
        <translation>平面，%1 平面</translation>
    </message>
    <message>
        <source>ellipsoidal, CGCS2000 ellipsoid</source>
        <translation>椭球面，CGCS2000 椭球</translation>
    </message>
    <message>
        <source>Distance</source>
        <translation>距离</translation>
    </message>
    <message>
        <source>Segment: %1</source>
        <translation>本段：%1</translation>
    </message>
    <message>
        <source>Total (%1): %2</source>
        <translation>总长（%1）：%2</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>面积</translation>
    </message>
    <message>
        <source>Area (%1): %2</source>
        <translation>面积（%1）：%2</translation>
    </message>
    <message>
        <source>Perimeter (%1): %2</source>
        <translation>周长（%1）：%2</translation>
    </message>
    <message>
        <source>Click to add points; double-click or right-click finishes; Esc clears.</source>
        <translation>单击添加点；双击或右键结束；按 Esc 清除。</translation>
    </message>
</context>
<context>
    <name>onemap::gui::MissingFilesDialog</name>
    <message>
        <source>&amp;Search Folder…</source>
        <translation>搜索文件夹(&amp;S)…</translation>
    </message>
    <message>
        <source>Missing Data Files</source>
        <translation>缺失的数据文件</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>图层</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Look below a folder for files with the same names (e.g. after the data was moved)</source>
        <translation>在某个文件夹下查找同名文件（例如数据被移动之后）</translation>
    </message>
    <message>
        <source>All data files were found.</source>
        <translation>已找到所有数据文件。</translation>
    </message>
    <message>
        <source>%1 layer(s) of this project point to files that do not exist. They stay in the project but are not drawn until you locate their files (e.g. on another drive or in a moved folder).</source>
        <translation>本工程有 %1 个图层指向不存在的文件。这些图层仍保留在工程中，但在重新定位其文件（例如在其他磁盘或已移动的文件夹中）之前不会绘制。</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>已找到</translation>
    </message>
    <message>
        <source>Locate…</source>
        <translation>定位…</translation>
    </message>
    <message>
        <source>The layer is no longer in the project.</source>
        <translation>该图层已不在工程中。</translation>
    </message>
    <message>
        <source>Relocated</source>
        <translation>已重新定位</translation>
    </message>
    <message>
        <source>Locate %1</source>
        <translation>定位 %1</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <source>Cannot use this file</source>
        <translation>无法使用此文件</translation>
    </message>
    <message>
        <source>Search for the missing files below</source>
        <translation>在此文件夹下搜索缺失的文件</translation>
    </message>
    <message>
        <source>Searching %1…</source>
        <translation>正在搜索 %1…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Search Folder</source>
        <translation>搜索文件夹</translation>
    </message>
    <message>
        <source>%1 file(s) found and relocated; %2 still missing.</source>
        <translation>已找到并重新定位 %1 个文件；仍缺失 %2 个。</translation>
    </message>
</context>
<context>
    <name>onemap::gui::NavigationController</name>
    <message>
        <source>&amp;Pan</source>
        <translation>平移(&amp;P)</translation>
    </message>
    <message>
        <source>Pan the map by dragging (the middle button always pans)</source>
        <translation>拖动以平移地图（中键始终可平移）</translation>
    </message>
    <message>
        <source>Zoom &amp;Box</source>
        <translation>拉框缩放(&amp;B)</translation>
    </message>
    <message>
        <source>Drag a rectangle to zoom in; Shift-drag or right-drag zooms out</source>
        <translation>拖出矩形放大；按住 Shift 拖动或右键拖动则缩小</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <source>Zoom to &amp;Full Extent</source>
        <translation>缩放至全图(&amp;F)</translation>
    </message>
    <message>
        <source>Pre&amp;vious Extent</source>
        <translation>上一视图(&amp;V)</translation>
    </message>
    <message>
        <source>Ne&amp;xt Extent</source>
        <translation>下一视图(&amp;X)</translation>
    </message>
    <message>
        <source>Map scale: pick one or type e.g. 1:15000 and press Enter</source>
        <translation>地图比例尺：选择一个，或输入如 1:15000 后按回车</translation>
    </message>
    <message>
        <source>“%1” is not a scale: type it as 1:10000 or 10000</source>
        <translation>“%1”不是比例尺：请输入 1:10000 或 10000 的形式</translation>
    </message>
</context>
<context>
    <name>onemap::gui::OverviewBuilder</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Build overviews?</source>
        <translation>是否构建金字塔？</translation>
    </message>
    <message>
        <source>“%1” is %L2 × %L3 pixels and has no overviews, so it draws slowly when zoomed out.

Build overviews now? (external .ovr file, your image is not modified)</source>
        <translation>“%1”大小为 %L2 × %L3 像素且没有金字塔，缩小显示时绘制较慢。

现在构建金字塔吗？（外部 .ovr 文件，不会修改您的影像）</translation>
    </message>
    <message>
        <source>Don't ask again</source>
        <translation>不再询问</translation>
    </message>
    <message>
        <source>Building overviews for %1…</source>
        <translation>正在为 %1 构建金字塔…</translation>
    </message>
    <message>
        <source>Overviews for %1 are ready.</source>
        <translation>%1 的金字塔已构建完成。</translation>
    </message>
    <message>
        <source>Building overviews was canceled.</source>
        <translation>已取消构建金字塔。</translation>
    </message>
    <message>
        <source>Cannot build overviews</source>
        <translation>无法构建金字塔</translation>
    </message>
    <message>
        <source>%1

The image can still be used; it draws more slowly when zoomed out.</source>
        <translation>%1

影像仍可使用，但缩小显示时绘制较慢。</translation>
    </message>
</context>
<context>
    <name>onemap::gui::ProjectFileController</name>
    <message>
        <source>&amp;New Project</source>
        <translation>新建工程(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Open Project…</source>
        <translation>打开工程(&amp;O)…</translation>
    </message>
    <message>
        <source>Recent &amp;Projects</source>
        <translation>最近的工程(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Add Layer…</source>
        <translation>添加图层(&amp;A)…</translation>
    </message>
    <message>
        <source>Add File &amp;Geodatabase (.gdb)…</source>
        <translation>添加文件地理数据库 (.gdb)(&amp;G)…</translation>
    </message>
    <message>
        <source>Recent &amp;Files</source>
        <translation>最近的文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Save Project</source>
        <translation>保存工程(&amp;S)</translation>
    </message>
    <message>
        <source>Save Project &amp;As…</source>
        <translation>工程另存为(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Project</source>
        <translation>工程(&amp;P)</translation>
    </message>
    <message>
        <source>Set Project &amp;CRS…</source>
        <translation>设置工程坐标系(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Options…</source>
        <translation>选项(&amp;O)…</translation>
    </message>
    <message>
        <source>Cannot open the project</source>
        <translation>无法打开工程</translation>
    </message>
    <message>
        <source>Missing data files</source>
        <translation>缺失的数据文件</translation>
    </message>
    <message>
        <source>These layers' files were not found; they are kept in the project but not drawn:
%1</source>
        <translation>未找到以下图层的文件；这些图层仍保留在工程中，但不会绘制：
%1</translation>
    </message>
    <message>
        <source>Restore Unsaved Changes?</source>
        <translation>是否恢复未保存的更改？</translation>
    </message>
    <message>
        <source>OneMap Agri was not closed normally while this project had unsaved changes. A recovery copy from %1 is newer than the saved project.

Restore it? (No deletes the recovery copy.)</source>
        <translation>本工程有未保存的更改时农业农村一张图未正常关闭。%1 的恢复副本比已保存的工程更新。

是否恢复？（选择“否”将删除恢复副本。）</translation>
    </message>
    <message>
        <source>Cannot restore the recovery copy</source>
        <translation>无法恢复恢复副本</translation>
    </message>
    <message>
        <source>Cannot add the layer</source>
        <translation>无法添加图层</translation>
    </message>
    <message>
        <source>“%1” has no coordinate system. Choose the one its coordinates are in; the map uses it for every layer.</source>
        <translation>“%1”没有坐标系。请选择其坐标所在的坐标系；地图将对所有图层使用该坐标系。</translation>
    </message>
    <message>
        <source>Cannot save the project</source>
        <translation>无法保存工程</translation>
    </message>
    <message>
        <source>Save Project As</source>
        <translation>工程另存为</translation>
    </message>
    <message>
        <source>OneMap projects (*.onemap)</source>
        <translation>OneMap 工程 (*.onemap)</translation>
    </message>
    <message>
        <source>Project saved to %1</source>
        <translation>工程已保存到 %1</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <source>Unsaved Changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <source>The project “%1” has unsaved changes. Save them?</source>
        <translation>工程“%1”有未保存的更改。是否保存？</translation>
    </message>
    <message>
        <source>Restore Unsaved Project?</source>
        <translation>是否恢复未保存的工程？</translation>
    </message>
    <message>
        <source>OneMap Agri was not closed normally last time. A recovery copy of an unsaved project (%1 layer(s), saved %2) was found.

Restore it? (No deletes the recovery copy.)</source>
        <translation>农业农村一张图上次未正常关闭。找到一个未保存工程的恢复副本（%1 个图层，保存于 %2）。

是否恢复？（选择“否”将删除恢复副本。）</translation>
    </message>
    <message>
        <source>Open Project</source>
        <translation>打开工程</translation>
    </message>
    <message>
        <source>All geodata (%1 %2)</source>
        <translation>所有地理数据 (%1 %2)</translation>
    </message>
    <message>
        <source>Raster images (%1)</source>
        <translation>栅格影像 (%1)</translation>
    </message>
    <message>
        <source>Vector data (%1)</source>
        <translation>矢量数据 (%1)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <source>Add Layer</source>
        <translation>添加图层</translation>
    </message>
    <message>
        <source>Add File Geodatabase (.gdb folder)</source>
        <translation>添加文件地理数据库（.gdb 文件夹）</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>&amp;Clear List</source>
        <translation>清除列表(&amp;C)</translation>
    </message>
    <message>
        <source>%1[*] — OneMap Agri</source>
        <translation>%1[*] — 农业农村一张图</translation>
    </message>
</context>
<context>
    <name>onemap::gui::RasterStyleDialog</name>
    <message>
        <source>Layer Properties — %1</source>
        <translation>图层属性 — %1</translation>
    </message>
    <message>
        <source>Style</source>
        <translation>样式</translation>
    </message>
    <message>
        <source>Information</source>
        <translation>信息</translation>
    </message>
    <message>
        <source>Presets:</source>
        <translation>预设：</translation>
    </message>
    <message>
        <source>True colour</source>
        <translation>真彩色</translation>
    </message>
    <message>
        <source>NIR false colour</source>
        <translation>近红外假彩色</translation>
    </message>
    <message>
        <source>SWIR false colour</source>
        <translation>短波红外假彩色</translation>
    </message>
    <message>
        <source>Single band grey</source>
        <translation>单波段灰度</translation>
    </message>
    <message>
        <source>Pseudo-colour</source>
        <translation>伪彩色</translation>
    </message>
    <message>
        <source>Multiband colour (RGB)</source>
        <translation>多波段彩色（RGB）</translation>
    </message>
    <message>
        <source>Single band pseudo-colour</source>
        <translation>单波段伪彩色</translation>
    </message>
    <message>
        <source>Render type:</source>
        <translation>渲染方式：</translation>
    </message>
    <message>
        <source>Bands and display range</source>
        <translation>波段与显示范围</translation>
    </message>
    <message>
        <source>Band</source>
        <translation>波段</translation>
    </message>
    <message>
        <source>Min</source>
        <translation>最小值</translation>
    </message>
    <message>
        <source>Max</source>
        <translation>最大值</translation>
    </message>
    <message>
        <source>Band %1</source>
        <translation>波段 %1</translation>
    </message>
    <message>
        <source>Band %1 — %2</source>
        <translation>波段 %1 — %2</translation>
    </message>
    <message>
        <source>Colour ramp:</source>
        <translation>色带：</translation>
    </message>
    <message>
        <source>Contrast stretch (computed from overviews)</source>
        <translation>对比度拉伸（由金字塔计算）</translation>
    </message>
    <message>
        <source>Percentile clip</source>
        <translation>百分比截断</translation>
    </message>
    <message>
        <source>Minimum / maximum</source>
        <translation>最小值/最大值</translation>
    </message>
    <message>
        <source>Mean ± N standard deviations</source>
        <translation>均值 ± N 倍标准差</translation>
    </message>
    <message>
        <source>Percentiles:</source>
        <translation>百分位：</translation>
    </message>
    <message>
        <source>N (σ):</source>
        <translation>N（σ）：</translation>
    </message>
    <message>
        <source>Recompute</source>
        <translation>重新计算</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Method:</source>
        <translation>方法：</translation>
    </message>
    <message>
        <source>Red</source>
        <translation>红</translation>
    </message>
    <message>
        <source>Green</source>
        <translation>绿</translation>
    </message>
    <message>
        <source>Blue</source>
        <translation>蓝</translation>
    </message>
    <message>
        <source>Computing statistics from overviews…</source>
        <translation>正在由金字塔计算统计值…</translation>
    </message>
    <message>
        <source>Could not compute statistics: %1</source>
        <translation>无法计算统计值：%1</translation>
    </message>
</context>
<context>
    <name>onemap::gui::SelectTool</name>
    <message>
        <source>&amp;Select Features</source>
        <translation>选择要素(&amp;S)</translation>
    </message>
    <message>
        <source>Select features: click one or drag a rectangle; Shift adds, Ctrl removes. Works on the attribute table's layer, else the top vector layer</source>
        <translation>选择要素：单击选择一个或拖出矩形；按住 Shift 添加，按住 Ctrl 移除。作用于属性表的图层，否则为最上层的矢量图层</translation>
    </message>
    <message>
        <source>&amp;Clear Selection</source>
        <translation>清除选择(&amp;C)</translation>
    </message>
    <message>
        <source>%1: %2 features found</source>
        <translation>%1：找到 %2 个要素</translation>
    </message>
</context>
<context>
    <name>onemap::gui::SettingsDialog</name>
    <message>
        <source>Options</source>
        <translation>选项</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <source>A new language takes effect when OneMap Agri restarts.</source>
        <translation>新的语言将在农业农村一张图重新启动后生效。</translation>
    </message>
    <message>
        <source>Offer to build overviews for large images without them</source>
        <translation>为没有金字塔的大影像提示构建金字塔</translation>
    </message>
    <message>
        <source>Overviews (an external .ovr file beside the image) make large images draw fast at small scales; the image itself is not modified.</source>
        <translation>金字塔（影像旁的外部 .ovr 文件）使大影像在小比例尺下快速绘制；不会修改影像本身。</translation>
    </message>
    <message>
        <source>Raster images:</source>
        <translation>栅格影像：</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>How often a recovery copy of a modified project is written (also shortly after each change). After a crash OneMap offers to restore it.</source>
        <translation>修改过的工程多久写一次恢复副本（每次更改后不久也会写入）。程序异常退出后 OneMap 会提示恢复。</translation>
    </message>
    <message>
        <source>&amp;Autosave every:</source>
        <translation>自动保存间隔(&amp;A)：</translation>
    </message>
    <message>
        <source>Restart OneMap Agri</source>
        <translation>重新启动农业农村一张图</translation>
    </message>
    <message>
        <source>The new language is used after a restart. Restart OneMap Agri now?</source>
        <translation>新的语言将在重新启动后使用。现在重新启动农业农村一张图吗？</translation>
    </message>
</context>
<context>
    <name>onemap::gui::SideBySideView</name>
    <message>
        <source>Left</source>
        <translation>左</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>右</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>图层</translation>
    </message>
    <message>
        <source>Choose the layers drawn in this view</source>
        <translation>选择此视图中绘制的图层</translation>
    </message>
    <message>
        <source>Close Side-by-Side View</source>
        <translation>关闭双屏对比</translation>
    </message>
    <message>
        <source>(no layers)</source>
        <translation>（没有图层）</translation>
    </message>
</context>
<context>
    <name>onemap::gui::SwipeTool</name>
    <message>
        <source>Horizontal Divider (O)</source>
        <translation>水平分隔线 (O)</translation>
    </message>
    <message>
        <source>Vertical Divider (O)</source>
        <translation>垂直分隔线 (O)</translation>
    </message>
    <message>
        <source>Stop Swiping</source>
        <translation>结束卷帘</translation>
    </message>
</context>
<context>
    <name>onemap::gui::VectorStyleDialog</name>
    <message>
        <source>Layer Properties — %1</source>
        <translation>图层属性 — %1</translation>
    </message>
    <message>
        <source>Symbology</source>
        <translation>符号</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>标注</translation>
    </message>
    <message>
        <source>Rendering</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Information</source>
        <translation>信息</translation>
    </message>
    <message>
        <source>Legend preview</source>
        <translation>图例预览</translation>
    </message>
    <message>
        <source>Cancel Reading</source>
        <translation>取消读取</translation>
    </message>
    <message>
        <source>Single symbol</source>
        <translation>单一符号</translation>
    </message>
    <message>
        <source>Categorized</source>
        <translation>分类</translation>
    </message>
    <message>
        <source>Graduated</source>
        <translation>分级</translation>
    </message>
    <message>
        <source>Style:</source>
        <translation>样式：</translation>
    </message>
    <message>
        <source> px</source>
        <translation> 像素</translation>
    </message>
    <message>
        <source>Outline:</source>
        <translation>边线：</translation>
    </message>
    <message>
        <source>Point size:</source>
        <translation>点大小：</translation>
    </message>
    <message>
        <source>Fill:</source>
        <translation>填充：</translation>
    </message>
    <message>
        <source>三调 Land-Use Colours</source>
        <translation>三调地类配色</translation>
    </message>
    <message>
        <source>Colour the 三调 land-use codes (DLBM) present in the layer with the standard colours</source>
        <translation>用三调标准色为图层中出现的地类编码（DLBM）着色</translation>
    </message>
    <message>
        <source>Classify</source>
        <translation>分类</translation>
    </message>
    <message>
        <source>One class per distinct value, with well-separated colours</source>
        <translation>每个不同的值一类，颜色区分明显</translation>
    </message>
    <message>
        <source>Field:</source>
        <translation>字段：</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>颜色</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Features</source>
        <translation>要素数</translation>
    </message>
    <message>
        <source>Double-click a colour to change it</source>
        <translation>双击颜色可修改</translation>
    </message>
    <message>
        <source>Quantile (equal count)</source>
        <translation>分位数（等数量）</translation>
    </message>
    <message>
        <source>Equal interval</source>
        <translation>等间距</translation>
    </message>
    <message>
        <source>Natural breaks (Jenks)</source>
        <translation>自然断点（Jenks）</translation>
    </message>
    <message>
        <source>Method:</source>
        <translation>方法：</translation>
    </message>
    <message>
        <source>Classes:</source>
        <translation>分级数：</translation>
    </message>
    <message>
        <source>Colour ramp:</source>
        <translation>色带：</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>To</source>
        <translation>到</translation>
    </message>
    <message>
        <source>(no labels)</source>
        <translation>（不标注）</translation>
    </message>
    <message>
        <source> pt</source>
        <translation> 磅</translation>
    </message>
    <message>
        <source>White halo around the text</source>
        <translation>文字加白色光晕</translation>
    </message>
    <message>
        <source>Label with field:</source>
        <translation>标注字段：</translation>
    </message>
    <message>
        <source>Text size:</source>
        <translation>字号：</translation>
    </message>
    <message>
        <source>Text colour:</source>
        <translation>文字颜色：</translation>
    </message>
    <message>
        <source>Labels that would overlap are left out; larger features are labelled first.</source>
        <translation>相互重叠的标注会被省略；面积较大的要素优先标注。</translation>
    </message>
    <message>
        <source>Fill opacity:</source>
        <translation>填充不透明度：</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>Hide when zoomed out beyond:</source>
        <translation>缩小超过此比例尺时隐藏：</translation>
    </message>
    <message>
        <source>Hide when zoomed in beyond:</source>
        <translation>放大超过此比例尺时隐藏：</translation>
    </message>
    <message>
        <source>Example: 1:50,000 and 1:500 draw the layer only between those scales.</source>
        <translation>例如：1:50,000 和 1:500 表示仅在这两个比例尺之间显示该图层。</translation>
    </message>
    <message>
        <source>(no value)</source>
        <translation>（无值）</translation>
    </message>
    <message>
        <source>%1 %2 %</source>
        <translation>%1 %2 %</translation>
    </message>
    <message>
        <source>Reading the values of %1…</source>
        <translation>正在读取 %1 的值…</translation>
    </message>
    <message>
        <source>Reading canceled.</source>
        <translation>已取消读取。</translation>
    </message>
    <message>
        <source>Could not read the values: %1</source>
        <translation>无法读取值：%1</translation>
    </message>
    <message>
        <source>%1 distinct values: the first %2 get their own colour, the others the fill colour.</source>
        <translation>共 %1 个不同的值：前 %2 个各有颜色，其余使用填充色。</translation>
    </message>
    <message>
        <source>%1 distinct values.</source>
        <translation>共 %1 个不同的值。</translation>
    </message>
    <message>
        <source>Cannot classify %1: %2</source>
        <translation>无法对 %1 分级：%2</translation>
    </message>
</context>
<context>
    <name>onemap::plugins::DetectionDialog</name>
    <message>
        <source>&amp;Run</source>
        <translation>运行(&amp;R)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Detect Cropland Change (非农化 / 非粮化)</source>
        <translation>耕地变化检测（非农化/非粮化）</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>影像</translation>
    </message>
    <message>
        <source>band roles as guessed; override e.g. blue=1,green=2,red=3,nir=4</source>
        <translation>按识别的波段角色；可改写，如 blue=1,green=2,red=3,nir=4</translation>
    </message>
    <message>
        <source>Earlier image (前时相):</source>
        <translation>前时相影像：</translation>
    </message>
    <message>
        <source>Band roles:</source>
        <translation>波段角色：</translation>
    </message>
    <message>
        <source>Later image (后时相):</source>
        <translation>后时相影像：</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>图层</translation>
    </message>
    <message>
        <source>Cropland (耕地, DLTB):</source>
        <translation>耕地（地类图斑 DLTB）：</translation>
    </message>
    <message>
        <source>Permanent basic farmland:</source>
        <translation>永久基本农田：</translation>
    </message>
    <message>
        <source>Village boundaries:</source>
        <translation>村界：</translation>
    </message>
    <message>
        <source>Ecological red line:</source>
        <translation>生态保护红线：</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Output GeoPackage:</source>
        <translation>输出 GeoPackage：</translation>
    </message>
    <message>
        <source>Running: %1</source>
        <translation>正在运行：%1</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Bands: %1</source>
        <translation>波段：%1</translation>
    </message>
    <message>
        <source>Save Change Patches</source>
        <translation>保存变化图斑</translation>
    </message>
    <message>
        <source>GeoPackage (*.gpkg)</source>
        <translation>GeoPackage (*.gpkg)</translation>
    </message>
    <message>
        <source>Add the two image dates to the project first (File ▸ Add Layer).</source>
        <translation>请先将两期影像添加到工程（文件 ▸ 添加图层）。</translation>
    </message>
    <message>
        <source>Choose two different images for the earlier and the later date.</source>
        <translation>请为前后两个时相选择不同的影像。</translation>
    </message>
    <message>
        <source>Choose the output GeoPackage.</source>
        <translation>请选择输出 GeoPackage。</translation>
    </message>
    <message>
        <source>Replace File?</source>
        <translation>替换文件？</translation>
    </message>
    <message>
        <source>%1 exists already. Replace it with the new patches?</source>
        <translation>%1 已存在。是否用新的图斑替换？</translation>
    </message>
    <message>
        <source>Running…</source>
        <translation>正在运行…</translation>
    </message>
    <message>
        <source>Canceled; nothing was written.</source>
        <translation>已取消；未写入任何内容。</translation>
    </message>
    <message>
        <source>Detection failed: %1</source>
        <translation>检测失败：%1</translation>
    </message>
    <message>
        <source>%1 change patches found in %2 s.</source>
        <translation>用时 %2 秒，找到 %1 个变化图斑。</translation>
    </message>
    <message>
        <source>Canceling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>(none: every pixel is a candidate)</source>
        <translation>（无：每个像元都参与检测）</translation>
    </message>
    <message>
        <source>The run works on the earlier image's grid; the later image is resampled onto it.</source>
        <translation>检测在前时相影像的格网上进行；后时相影像重采样到该格网。</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <source>The earlier image is dated %1, after the later image (%2): swap the two images?</source>
        <translation>前时相影像的日期为 %1，晚于后时相影像（%2）：是否应对调两幅影像？</translation>
    </message>
    <message>
        <source>Both images are dated %1: choose images of two different dates.</source>
        <translation>两幅影像的日期均为 %1：请选择两个不同日期的影像。</translation>
    </message>
    <message>
        <source>Grid: %1.</source>
        <translation>格网：%1。</translation>
    </message>
    <message>
        <source>Acquired %1 (image metadata)</source>
        <translation>获取日期 %1（影像元数据）</translation>
    </message>
    <message>
        <source>Acquired %1 (file name)</source>
        <translation>获取日期 %1（文件名）</translation>
    </message>
    <message>
        <source>Acquisition date unknown</source>
        <translation>获取日期未知</translation>
    </message>
    <message>
        <source>Analysis grid (the earlier image's): %1</source>
        <translation>分析格网（前时相影像的）：%1</translation>
    </message>
</context>
<context>
    <name>onemap::plugins::ResultsDock</name>
    <message>
        <source>Change Patches</source>
        <translation>变化图斑</translation>
    </message>
    <message>
        <source>&amp;Confirm Change</source>
        <translation>确认变化(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;False Change (伪变化)</source>
        <translation>伪变化(&amp;F)</translation>
    </message>
    <message>
        <source>JCBH</source>
        <translation>图斑编号</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>村</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>变化类型</translation>
    </message>
    <message>
        <source>Sub-type</source>
        <translation>变化子类</translation>
    </message>
    <message>
        <source>Area (m²)</source>
        <translation>面积（平方米）</translation>
    </message>
    <message>
        <source>Area (亩)</source>
        <translation>面积（亩）</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>置信度</translation>
    </message>
    <message>
        <source>PBF (m²)</source>
        <translation>永农（平方米）</translation>
    </message>
    <message>
        <source>Office judgement</source>
        <translation>内业判读</translation>
    </message>
    <message>
        <source>Patches</source>
        <translation>图斑</translation>
    </message>
    <message>
        <source>By Village</source>
        <translation>分村统计</translation>
    </message>
    <message>
        <source>Mark the selected patch as a real change to verify in the field (NYJG = 确认)</source>
        <translation>将所选图斑标为需外业核查的真实变化（NYJG = 确认）</translation>
    </message>
    <message>
        <source>Mark the selected patch as a false change (NYJG = 伪变化)</source>
        <translation>将所选图斑标为伪变化（NYJG = 伪变化）</translation>
    </message>
    <message>
        <source>%1 patches in %2</source>
        <translation>%2 中有 %1 个图斑</translation>
    </message>
    <message>
        <source>Village code</source>
        <translation>村代码</translation>
    </message>
    <message>
        <source>Select a patch in the table first.</source>
        <translation>请先在表中选择一个图斑。</translation>
    </message>
    <message>
        <source>Cannot save the judgement: %1</source>
        <translation>无法保存判读结果：%1</translation>
    </message>
    <message>
        <source>%1: %2 (saved)</source>
        <translation>%1：%2（已保存）</translation>
    </message>
    <message>
        <source>building / hardened ground</source>
        <translation>建筑 / 硬化地面</translation>
    </message>
    <message>
        <source>road</source>
        <translation>道路</translation>
    </message>
    <message>
        <source>pond</source>
        <translation>坑塘</translation>
    </message>
    <message>
        <source>orchard / forest</source>
        <translation>园地 / 林地</translation>
    </message>
    <message>
        <source>bare soil / earth moving</source>
        <translation>裸土 / 推土</translation>
    </message>
    <message>
        <source>Earlier image (前时相), false colour NIR-red-green</source>
        <translation>前时相影像，标准假彩色（近红外-红-绿）</translation>
    </message>
    <message>
        <source>Later image (后时相), false colour NIR-red-green</source>
        <translation>后时相影像，标准假彩色（近红外-红-绿）</translation>
    </message>
    <message>
        <source>other change</source>
        <translation>其他变化</translation>
    </message>
    <message>
        <source>Threshold %1</source>
        <translation>阈值 %1</translation>
    </message>
    <message>
        <source>bands %1</source>
        <translation>波段 %1</translation>
    </message>
    <message>
        <source>Grid: %1</source>
        <translation>格网：%1</translation>
    </message>
</context>
<context>
    <name>onemap::shell::MainWindow</name>
    <message>
        <source>OneMap Agri</source>
        <translation>农业农村一张图</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About OneMap Agri</source>
        <translation>关于农业农村一张图(&amp;A)</translation>
    </message>
    <message>
        <source>About OneMap Agri</source>
        <translation>关于农业农村一张图</translation>
    </message>
    <message>
        <source>OneMap Agri (农业农村一张图) %1
Cropland monitoring for county offices.</source>
        <translation>农业农村一张图 (OneMap Agri) %1
面向县级部门的耕地监测。</translation>
    </message>
    <message>
        <source>&amp;Layer</source>
        <translation>图层(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>设置(&amp;S)</translation>
    </message>
    <message>
        <source>Navigation</source>
        <translation>导航</translation>
    </message>
    <message>
        <source>Map Tools</source>
        <translation>地图工具</translation>
    </message>
    <message>
        <source>&amp;Analysis</source>
        <translation>分析(&amp;A)</translation>
    </message>
</context>
</TS>