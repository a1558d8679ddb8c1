#include <array>
#include <string>

#include "onemap/sample/random.h"
#include "onemap/sample/scene_builder.h"

namespace onemap::sample {
namespace {

constexpr std::array<const char*, 40> kSurnames{
    "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱",
    "胡", "郭", "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯",
    "邓", "曹", "彭", "曾", "肖", "田", "董", "袁", "潘", "于", "蒋", "蔡"};
constexpr std::array<const char*, 24> kPlaceHeads{
    "东", "西", "南", "北", "前", "后", "上", "下", "大", "小", "新", "老",
    "河", "桥", "湖", "塘", "柳", "杨", "桑", "枣", "梨", "松", "石", "沙"};
constexpr std::array<const char*, 16> kVillageTails{
    "家庄", "家湾", "家圩", "家岗", "集", "营", "庄", "楼", "店", "坝", "沟", "洼", "桥", "塘", "圩", "岗"};
constexpr std::array<const char*, 24> kTownHeads{
    "青禾", "丰登", "稻香", "麦田", "秋实", "清河", "临湖", "双桥", "长岗", "白沙", "金田", "柳塘",
    "新丰", "永安", "太平", "兴隆", "和顺", "安乐", "富民", "三河", "梅林", "古城", "望江", "仁和"};
constexpr std::array<const char*, 30> kGiven{
    "建国", "国强", "建华", "志刚", "秀英", "桂兰", "海燕", "红梅", "德明", "永福", "春生", "玉兰",
    "立新", "卫东", "爱华", "淑珍", "长青", "金龙", "振华", "晓东", "文军", "丽娟", "保田", "丰收",
    "明亮", "小平", "新民", "家宝", "翠花", "守田"};

}  // namespace

std::string villageName(std::uint64_t seed, int index) {
  // Walk a permutation of (head, surname, tail) combinations so names never repeat.
  const std::uint64_t space = kPlaceHeads.size() * kSurnames.size() * kVillageTails.size();
  const std::uint64_t stride = 7919;  // prime, coprime with space
  const std::uint64_t k = (mix64(seed) % space + std::uint64_t(index) * stride) % space;
  const std::size_t tail = k % kVillageTails.size();
  const std::size_t surname = (k / kVillageTails.size()) % kSurnames.size();
  const std::size_t head = k / (kVillageTails.size() * kSurnames.size());
  std::string name = tail < 4 ? std::string(kSurnames[surname]) + kVillageTails[tail]
                              : std::string(kPlaceHeads[head]) + kSurnames[surname] + kVillageTails[tail];
  return name + "村";
}

std::string townshipName(std::uint64_t seed, int index) {
  const std::size_t k = (mix64(seed ^ 0x7075) + std::uint64_t(index)) % kTownHeads.size();
  return std::string(kTownHeads[k]) + (index % 3 == 2 ? "乡" : "镇");
}

std::string personName(std::uint64_t seed, int index) {
  const std::uint64_t h = hashKeys(seed, 0x9E3, std::uint64_t(index));
  return std::string(kSurnames[h % kSurnames.size()]) + kGiven[(h >> 16) % kGiven.size()];
}

}  // namespace onemap::sample
